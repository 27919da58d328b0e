"""Reminders of ad-hoc report requests (public schema, daily)."""

import datetime

from celery import shared_task
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone

from tenants.urls import absolute_url

from .models import AdHocAnswer, AdHocRequest
from .services import provinces_asked

REMIND_DAYS_BEFORE = 3


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def remind_adhoc_requests() -> int:
    """E-mail each province that has not answered a request due within REMIND_DAYS_BEFORE days."""
    today = timezone.localdate()
    sent = 0
    due = AdHocRequest.objects.filter(
        deadline__gte=today, deadline__lte=today + datetime.timedelta(days=REMIND_DAYS_BEFORE)
    )
    for request in due:
        answered = set(
            AdHocAnswer.objects.filter(request=request, submitted_at__isnull=False).values_list(
                "province_id", flat=True
            )
        )
        for province in provinces_asked(request):
            if province.pk in answered or not province.email:
                continue
            send_mail(
                subject=f"Nhắc hạn báo cáo đột xuất: {request.subject}",
                message=f"Kính gửi {province.office_name},\n\nYêu cầu báo cáo «{request.subject}» có hạn trả lời "
                f"{request.deadline:%d/%m/%Y}. Vui lòng trả lời trong trang quản trị, mục "
                f"«Báo cáo về Trung ương»: {absolute_url(province, reverse('answer_adhoc', args=[request.pk]))}",
                from_email=None,
                recipient_list=[province.email],
            )
            sent += 1
    return sent


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def prepare_last_quarter_reports() -> int:
    """At the start of a quarter, create each active province's draft report for the quarter just ended."""
    from tenants.selectors import active_provinces_with_primary_domain

    from .services import prepare_report

    today = timezone.localdate()
    quarter, year = ((today.month - 1) // 3) or 4, today.year if today.month > 3 else today.year - 1
    provinces = list(active_provinces_with_primary_domain())
    for province in provinces:
        prepare_report(province, year, quarter)
    return len(provinces)
