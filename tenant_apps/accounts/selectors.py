"""Read queries of the sign-in security pages."""

from __future__ import annotations

from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import F, Max, QuerySet, Sum
from django.utils import timezone


def locked_out(field: str) -> QuerySet:
    """Accounts (`field="username"`) or IP addresses (`"ip_address"`) locked out in this schema right now.

    Each row has the `value`, its `failures` within the cool-off period and the time of the `last_attempt`.
    """
    recent = AccessAttempt.objects.filter(attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME)
    return (
        recent.exclude(**{f"{field}__isnull": True})
        .values(value=F(field))
        .annotate(failures=Sum("failures_since_start"), last_attempt=Max("attempt_time"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
        .order_by("-last_attempt")
    )
