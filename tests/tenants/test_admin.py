"""The central admin's province list and onboarding form."""

import pytest

from tenants.models import OnboardingJob, Province

pytestmark = pytest.mark.django_db


def test_the_province_list_shows_every_province_with_domains_and_status(central_admin):
    Province.objects.filter(code="79").update(status=Province.Status.SUSPENDED)

    page = central_admin.get("/admin/provinces/").content.decode()
    rows = page[page.index('id="main"') :]  # the title and sidebar name the central office: its admin

    assert "Bảo hiểm xã hội thành phố Hà Nội" in rows and "hanoi.localhost" in rows
    assert "Bảo hiểm xã hội Thành phố Hồ Chí Minh" in rows and "Tạm ngừng" in rows
    assert "Bảo hiểm xã hội Việt Nam" not in rows  # the central office is not a province


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
