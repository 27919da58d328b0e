"""Reminders of ad-hoc report requests and quarter drafts (public schema, from beat)."""

from celery import shared_task
from django.utils import timezone

from .services import send_adhoc_reminders


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def remind_adhoc_requests() -> int:
    """Hourly in office hours: e-mail each province that has not answered a request due soon (once a day)."""
    return send_adhoc_reminders()


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
