"""The sweep of jobs whose task was lost (`tenants.models.Job` rows: onboardings, merges, dry runs).

A job row is its own outbox: it is written in the request's transaction and its task sent after the
commit. If the message never reached a worker (Redis lost it, the worker died before taking it), the
job stays unfinished; the beat sweep sends it again once it has waited `resend_seconds` since it was
(re)sent, at most `max_resends` times, then marks it failed with a reason the centre reads. Running a
job again is safe: every job's run is idempotent, and one that finished is not run again.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from django.db import models, transaction
from django.utils import timezone

from .models import Job


def stalled_jobs(
    model: type[Job],
    *,
    statuses: Iterable[str],
    resend_seconds: float,
    max_resends: int,
    give_up: str,
) -> list[int]:
    """Ids of the `model` jobs in `statuses` to send again (their resend recorded); those past the cap
    are marked failed with `give_up` (formatted with `resends`)."""
    now = timezone.now()
    overdue = now - timedelta(seconds=resend_seconds)
    resend: list[int] = []
    with transaction.atomic():
        jobs = model.objects.select_for_update(skip_locked=True).filter(
            status__in=list(statuses), queued_at__lt=overdue
        )
        for job in jobs:
            if job.resends >= max_resends:
                model.objects.filter(pk=job.pk).update(
                    status=Job.Status.FAILED, error=give_up.format(resends=job.resends), finished_at=now
                )
                continue
            model.objects.filter(pk=job.pk).update(queued_at=now, resends=models.F("resends") + 1)
            resend.append(job.pk)
    return resend
