"""Celery tasks run on a real worker (Redis broker) and inside the schema they were sent from."""

from datetime import timedelta

from django.db import connection
from django.utils import timezone
from django_tenants.utils import schema_exists, tenant_context
from wagtail.models import Page

from tenant_apps.home.models import HomePage
from tenants.models import OnboardingJob, Province
from tenants.tasks import run_in_every_province, run_onboarding_job
from tests.factories import ContentPageFactory


def test_scheduled_publishing_runs_in_every_province_and_only_there(worker, committed):
    """The beat entry point publishes a scheduled page in both provinces, and nothing else."""
    hanoi, hcm = Province.objects.get(code="01"), Province.objects.get(code="79")
    scheduled = {}
    for province, slug in ((hanoi, "nghi-tet"), (hcm, "lich-nghi-tet")):
        with tenant_context(province):
            page = ContentPageFactory(parent=HomePage.objects.get(), title="Thông báo lịch nghỉ Tết", slug=slug)
            page.unpublish()
            page.go_live_at = timezone.now() - timedelta(minutes=1)
            page.save_revision(approved_go_live_at=page.go_live_at)
            scheduled[province.code] = page.pk
        committed(lambda province=province, pk=page.pk: _delete_page(province, pk))
    with tenant_context(hcm):
        draft = ContentPageFactory(parent=HomePage.objects.get(), title="Bản nháp không hẹn giờ", slug="ban-nhap")
        draft.unpublish()
        committed(lambda pk=draft.pk: _delete_page(hcm, pk))

    result = run_in_every_province.delay("tenants.tasks.publish_scheduled_pages")
    assert result.get(timeout=30) == 2

    for province in (hanoi, hcm):
        with tenant_context(province):
            assert _wait_until(lambda pk=scheduled[province.code]: Page.objects.get(pk=pk).live)
            assert Page.objects.filter(title="Thông báo lịch nghỉ Tết").count() == 1
    with tenant_context(hcm):
        assert not Page.objects.get(pk=draft.pk).live


def test_onboarding_requested_from_the_admin_runs_on_the_worker(worker, committed):
    job = OnboardingJob.objects.create(
        code="48", domains=["danang.localhost"], admin_username="admin", admin_email="quantri@danang.vn"
    )
    committed(lambda: _drop_province("48"))
    committed(job.delete)

    assert run_onboarding_job.delay(job.pk).get(timeout=60) == OnboardingJob.Status.SUCCEEDED

    job.refresh_from_db()
    assert job.status == OnboardingJob.Status.SUCCEEDED and job.finished_at
    assert "Schema «danang»" in job.log
    assert job.province.code == "48" and schema_exists("danang")


def _wait_until(condition, seconds=10.0):
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def _delete_page(province, page_id):
    with tenant_context(province):
        Page.objects.filter(pk=page_id).delete()


def _drop_province(code):
    province = Province.objects.filter(code=code).first()
    if province:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP SCHEMA IF EXISTS "{province.schema_name}" CASCADE')
        province.domains.all().delete()
        Province.objects.filter(pk=province.pk).delete()
