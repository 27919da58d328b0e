"""Celery tasks of the board: thin wrappers around selectors and e-mail."""

from celery import shared_task
from django.core.mail import send_mail
from django.db import connection

from .models import BoardMember, BoardRole
from .selectors import late_items_for_board


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def notify_board_of_timeliness() -> int:
    """Daily, in one province: e-mail the head and deputies the items that are overdue or at risk."""
    items = late_items_for_board()
    pending = items["overdue"] + items["at_risk"]
    if not pending:
        return 0
    recipients = list(
        BoardMember.objects.filter(is_active=True, role__in=[BoardRole.HEAD, BoardRole.DEPUTY]).values_list(
            "email", flat=True
        )
    )
    if not recipients:
        return 0
    lines = [
        f"- [{item.kind}] {item.page.title}: hạn {item.deadline:%d/%m/%Y}"
        f"{' (đã quá hạn)' if item in items['overdue'] else ''}"
        for item in pending
    ]
    send_mail(
        subject=f"[{connection.tenant.office_name}] {len(pending)} tin, văn bản sắp hoặc đã quá hạn đăng",
        message="Các mục cần đăng ngay theo quy định về thời hạn cập nhật thông tin:\n\n" + "\n".join(lines),
        from_email=None,
        recipient_list=recipients,
    )
    return len(pending)
