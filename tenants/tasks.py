"""Celery tasks of the tenants app: thin wrappers around the onboarding service."""

from celery import shared_task
from django.db import OperationalError
from django.utils import timezone

from . import merging, onboarding_jobs, versions
from .models import MergeDryRun, OnboardingJob, ProvinceMergeRecord
from .services import OnboardingError, onboard_province, send_administrator_invitation
from .services import prepare_spare_schema as prepare_spare_schema_now


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def run_onboarding_job(self, job_id: int) -> str:
    """Run one OnboardingJob (requested from the central admin) and record each step on it."""
    job = OnboardingJob.objects.get(pk=job_id)
    if job.status == OnboardingJob.Status.SUCCEEDED:
        return job.status
    job.status = OnboardingJob.Status.RUNNING
    job.save(update_fields=["status"])
    lines: list[str] = []
    try:
        result = onboard_province(
            job.code,
            domains=job.domains,
            admin_username=job.admin_username,
            admin_email=job.admin_email,
            report=lines.append,
        )
    except OnboardingError as error:
        job.status, job.error = OnboardingJob.Status.FAILED, str(error)
    except Exception as error:  # recorded for the admin, then re-raised for Celery's retry/log
        job.status, job.error, job.log = (
            OnboardingJob.Status.FAILED,
            f"{type(error).__name__}: {error}",
            "\n".join(lines),
        )
        job.finished_at = timezone.now()
        job.save()
        raise
    else:
        job.status, job.province = OnboardingJob.Status.SUCCEEDED, result.province
        if result.administrator:
            send_administrator_invitation(result.province, result.administrator)
            lines.append(f"Liên kết đặt mật khẩu cho «{result.admin_username}» đã được gửi tới {job.admin_email}.")
        lines.append(f"Xong trong {result.seconds:.2f} giây.")
    job.log = "\n".join(lines)
    job.finished_at = timezone.now()
    job.save()
    return job.status


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=3)
def run_merge_job(self, record_id: int) -> str:
    """Run one merge job (tenants/merging.py), queued from the central admin. The job records its
    progress and, on failure, its reason; a failure of the database or the disk is retried (the run
    continues where it stopped), any other waits for the centre to run it again."""
    try:
        result = merging.run_merge(record_id)
    except merging.MergeRunning:
        return ProvinceMergeRecord.Status.RUNNING
    except merging.MergeError as error:
        if isinstance(error.__cause__, OSError | OperationalError):
            raise self.retry(exc=error.__cause__, countdown=30 * 2**self.request.retries) from error
        return ProvinceMergeRecord.Status.FAILED
    return result.record.status


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True)
def run_merge_dry_run_job(self, job_id: int) -> str:
    """Run one dry run of a merge ("Chạy thử", tenants/merging.py), queued from the central admin: the
    merge in one transaction rolled back; the job's log lists what would move."""
    try:
        return merging.run_dry_run(job_id).status
    except merging.MergeRunning:
        return MergeDryRun.Status.RUNNING


@shared_task(bind=True)
def resend_stalled_merge_jobs(self) -> int:
    """Beat, every minute: send again the merge and dry-run jobs whose message was lost before any worker
    took it (tenants/jobs.py)."""
    merges, dry_runs = merging.stalled_merge_jobs()
    for job_id in merges:
        self.app.send_task("tenants.tasks.run_merge_job", args=[job_id])
    for job_id in dry_runs:
        self.app.send_task("tenants.tasks.run_merge_dry_run_job", args=[job_id])
    return len(merges) + len(dry_runs)


@shared_task(bind=True)
def resend_stalled_onboarding_jobs(self) -> int:
    """Beat, every minute: send again the onboarding jobs whose task was lost (tenants/onboarding_jobs.py)."""
    job_ids = onboarding_jobs.stalled_jobs()
    for job_id in job_ids:
        self.app.send_task("tenants.tasks.run_onboarding_job", args=[job_id])
    return len(job_ids)


@shared_task(bind=True)
def run_in_every_province(self, task_name: str) -> int:
    """Beat entry point (public schema): send `task_name` once per active province, to run in its schema."""
    from django_tenants.utils import tenant_context

    from .selectors import active_provinces_with_primary_domain

    provinces = list(active_provinces_with_primary_domain())
    for province in provinces:
        with tenant_context(province):  # the task's headers carry this schema
            self.app.send_task(task_name)  # the app running this task: the platform's (config/celery_app.py)
    return len(provinces)


@shared_task
def publish_scheduled_pages() -> None:
    """Publish and unpublish the current province's pages whose scheduled time has come."""
    from django.core.management import call_command

    call_command("publish_scheduled", verbosity=0)


@shared_task
def apply_pending_version_bumps() -> int:
    """Version bumps Redis missed while it was unreachable (tenants/versions.py), made once it answers."""
    return versions.apply_pending_bumps()


@shared_task
def prepare_spare_schema() -> bool:
    """Every 10 minutes (beat): a spare for the next onboarding after one took it or a release left it behind."""
    return prepare_spare_schema_now()
