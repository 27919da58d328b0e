"""Onboarding jobs requested from the central admin: the `OnboardingJob` row is the outbox.

It is written in the request's transaction and its task sent after commit; a job whose task never
ran or died with its worker (still pending or running `ONBOARDING_RESEND_SECONDS` after it was sent)
is sent again by the beat sweep, at most `ONBOARDING_MAX_RESENDS` times, then marked failed with a
reason the centre reads in the job list. Running a job again is safe: onboarding is idempotent and
one transaction, and a job that succeeded is not run again.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from .models import OnboardingJob

UNFINISHED = [OnboardingJob.Status.PENDING, OnboardingJob.Status.RUNNING]


def stalled_jobs() -> list[int]:
    """Ids of the jobs to send again (their resend recorded); those past the cap are marked failed."""
    now = timezone.now()
    overdue = now - timedelta(seconds=settings.ONBOARDING_RESEND_SECONDS)
    resend: list[int] = []
    with transaction.atomic():
        jobs = OnboardingJob.objects.select_for_update(skip_locked=True).filter(
            status__in=UNFINISHED, queued_at__lt=overdue
        )
        for job in jobs:
            if job.resends >= settings.ONBOARDING_MAX_RESENDS:
                OnboardingJob.objects.filter(pk=job.pk).update(
                    status=OnboardingJob.Status.FAILED,
                    error=f"Không hoàn thành sau {job.resends} lần gửi lại; hãy tạo lại yêu cầu.",
                    finished_at=now,
                )
                continue
            OnboardingJob.objects.filter(pk=job.pk).update(queued_at=now, resends=models.F("resends") + 1)
            resend.append(job.pk)
    return resend
