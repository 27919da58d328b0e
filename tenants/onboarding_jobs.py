"""Onboarding jobs requested from the central admin: the `OnboardingJob` row is the outbox.

It is written in the request's transaction and its task sent after commit; a job whose task never
ran or died with its worker (still pending or running `ONBOARDING_RESEND_SECONDS` after it was sent)
is sent again by the beat sweep, at most `ONBOARDING_MAX_RESENDS` times, then marked failed with a
reason the centre reads in the job list. Running a job again is safe: onboarding is idempotent and
one transaction, and a job that succeeded is not run again.
"""

from __future__ import annotations

from django.conf import settings

from .jobs import stalled_jobs as stalled
from .models import OnboardingJob

UNFINISHED = [OnboardingJob.Status.PENDING, OnboardingJob.Status.RUNNING]


def stalled_jobs() -> list[int]:
    """Ids of the onboarding jobs to send again (their resend recorded); those past the cap are marked failed."""
    return stalled(
        OnboardingJob,
        statuses=UNFINISHED,
        resend_seconds=settings.ONBOARDING_RESEND_SECONDS,
        max_resends=settings.ONBOARDING_MAX_RESENDS,
        give_up="Không hoàn thành sau {resends} lần gửi lại; hãy tạo lại yêu cầu.",
    )
