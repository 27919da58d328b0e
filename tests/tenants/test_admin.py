"""The central admin's province list and onboarding form."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tenants.models import OnboardingJob, Province
from tenants.onboarding_jobs import stalled_jobs

pytestmark = pytest.mark.django_db


def test_the_province_list_shows_every_province_with_domains_and_status(central_admin):
    Province.objects.filter(code="79").update(status=Province.Status.SUSPENDED)

    page = central_admin.get("/admin/provinces/").content.decode()

    assert "Bảo hiểm xã hội thành phố Hà Nội" in page and "hanoi.localhost" in page
    assert "Bảo hiểm xã hội Thành phố Hồ Chí Minh" in page and "Tạm ngừng" in page
    assert "Bảo hiểm xã hội Việt Nam" not in page  # the central office is not a province


def test_the_onboarding_form_records_a_job_and_queues_it_after_commit(
    central_admin, django_capture_on_commit_callbacks
):
    """The worker side of this job is exercised in test_tasks.py with a real worker."""
    form = {
        "code": "48",
        "domains": "danang.localhost\nbhxh.danang.gov.vn",
        "admin_username": "admin",
        "admin_email": "quantri@danang.gov.vn",
    }

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = central_admin.post("/admin/onboarding/new/", form)

    assert response.status_code == 302 and response["Location"] == "/admin/onboarding/"
    job = OnboardingJob.objects.get()
    assert (job.code, job.domains, job.requested_by) == ("48", ["danang.localhost", "bhxh.danang.gov.vn"], "admin")
    assert len(callbacks) == 1 and job.status == OnboardingJob.Status.PENDING
    assert "48" in central_admin.get("/admin/onboarding/").content.decode()


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"code": "48", "domains": "hcm.localhost"}, "Tên miền «hcm.localhost» đã được dùng cho"),
        ({"code": "48", "domains": "khong hop le"}, "Tên miền «khong hop le» không hợp lệ"),
        ({"code": "", "domains": ""}, "Trường này là bắt buộc"),
        ({"code": "48", "admin_email": "khong-phai-email"}, "Nhập địa chỉ email."),
    ],
)
def test_the_onboarding_form_shows_which_field_is_wrong_in_vietnamese(central_admin, form, message):
    data = {"admin_username": "admin", "admin_email": "quantri@danang.gov.vn", **form}

    response = central_admin.post("/admin/onboarding/new/", data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not OnboardingJob.objects.exists()


def test_a_province_superuser_cannot_reach_the_onboarding_form(hanoi):
    browser = hanoi.signed_in_client()
    assert browser.post("/admin/onboarding/new/", {"code": "48"}).status_code == 404
    assert not OnboardingJob.objects.exists()


def test_an_onboarding_job_whose_task_was_lost_is_sent_again_then_given_up_visibly(central_admin, settings):
    settings.ONBOARDING_RESEND_SECONDS, settings.ONBOARDING_MAX_RESENDS = 600, 1
    long_ago = timezone.now() - timedelta(minutes=15)
    lost = OnboardingJob.objects.create(code="48", admin_username="admin", admin_email="qt@danang.gov.vn")
    recent = OnboardingJob.objects.create(code="49", admin_username="admin", admin_email="qt@qn.gov.vn")
    OnboardingJob.objects.filter(pk=lost.pk).update(queued_at=long_ago)

    assert stalled_jobs() == [lost.pk]  # the recent one may still be on its way
    assert stalled_jobs() == []  # sent again just now
    OnboardingJob.objects.filter(pk=lost.pk).update(queued_at=long_ago)
    assert stalled_jobs() == []  # past the cap: failed, and the centre reads why

    listing = central_admin.get("/admin/onboarding/").content.decode()
    assert "Thất bại" in listing
    lost.refresh_from_db()
    assert lost.error == "Không hoàn thành sau 1 lần gửi lại; hãy tạo lại yêu cầu."
    assert OnboardingJob.objects.get(pk=recent.pk).status == OnboardingJob.Status.PENDING
