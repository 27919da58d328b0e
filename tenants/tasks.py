"""Celery tasks of the tenants app: thin wrappers around the onboarding service."""

from celery import shared_task
from django.utils import timezone

from . import versions
from .models import OnboardingJob
from .services import OnboardingError, onboard_province


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
        if result.admin_password:
            lines.append(f"Mật khẩu tạm thời của «{result.admin_username}» đã được gửi tới {job.admin_email}.")
            _send_admin_credentials(job, result.admin_password)
        lines.append(f"Xong trong {result.seconds:.2f} giây.")
    job.log = "\n".join(lines)
    job.finished_at = timezone.now()
    job.save()
    return job.status


def _send_admin_credentials(job: OnboardingJob, password: str) -> None:
    """The first administrator's password goes to their mailbox, never into the job log."""
    from django.core.mail import send_mail

    from .urls import absolute_url

    send_mail(
        subject=f"Tài khoản quản trị trang thông tin điện tử {job.province}",
        message=(
            f"Trang quản trị: {absolute_url(job.province, '/admin/')}\nTài khoản: {job.admin_username}\n"
            f"Mật khẩu tạm thời: {password}\nVui lòng đổi mật khẩu sau lần đăng nhập đầu tiên."
        ),
        from_email=None,
        recipient_list=[job.admin_email],
    )


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
