"""The central admin's province list and onboarding form."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from tenants.models import Domain, OnboardingJob, Province
from tenants.onboarding_jobs import stalled_jobs
from tenants.tasks import run_onboarding_job

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


def test_the_onboarding_form_does_not_offer_a_province_that_exists(central_admin):
    data = {"code": "01", "domains": "ke-la.example.vn", "admin_username": "ke-la", "admin_email": "x@example.vn"}

    response = central_admin.post("/admin/onboarding/new/", data)

    assert "Hãy chọn một lựa chọn hợp lệ" in response.content.decode()
    assert not Domain.objects.filter(domain="ke-la.example.vn").exists()


def test_the_onboarding_job_mails_a_link_to_set_the_password_and_no_password():
    job = OnboardingJob.objects.create(
        code="48", domains=["danang.localhost"], admin_username="admin", admin_email="quantri@danang.vn"
    )

    run_onboarding_job(job.pk)

    message = mail.outbox[-1]
    assert message.to == ["quantri@danang.vn"]
    assert re.search(r"http://danang\.localhost/loi-moi/\S+/", message.body)
    assert "Mật khẩu tạm thời" not in message.body


def _province_page(central_admin, code):
    return f"/admin/provinces/{Province.objects.get(code=code).pk}"


def test_a_domain_is_added_to_a_live_province_only_after_confirmation(central_admin):
    url = f"{_province_page(central_admin, '01')}/them-ten-mien/"

    asked = central_admin.post(url, {"domain": "BHXH.HaNoi.gov.vn"})

    assert "Thêm tên miền «bhxh.hanoi.gov.vn» cho Bảo hiểm xã hội thành phố Hà Nội?" in asked.content.decode()
    assert not Domain.objects.filter(domain="bhxh.hanoi.gov.vn").exists()
    assert central_admin.post(url, {"domain": "bhxh.hanoi.gov.vn", "xac_nhan": "1"}).status_code == 302
    assert Domain.objects.get(domain="bhxh.hanoi.gov.vn").tenant.code == "01"


def test_a_domain_of_another_province_is_refused_before_confirmation(central_admin):
    url = f"{_province_page(central_admin, '01')}/them-ten-mien/"

    response = central_admin.post(url, {"domain": "hcm.localhost", "xac_nhan": "1"})

    assert (
        "Tên miền «hcm.localhost» đã được dùng cho Bảo hiểm xã hội Thành phố Hồ Chí Minh" in response.content.decode()
    )
    assert Domain.objects.get(domain="hcm.localhost").tenant.code == "79"


def test_an_administrator_added_after_confirmation_gets_a_link_in_their_own_province(
    central_admin, hanoi, hcm, django_capture_on_commit_callbacks
):
    url = f"{_province_page(central_admin, '01')}/them-quan-tri-vien/"
    form = {"username": "quantri2", "email": "quantri2@hanoi.vss.gov.vn"}
    asked = central_admin.post(url, form).content.decode()
    assert "Tạo tài khoản quản trị toàn quyền «quantri2»" in asked
    with hanoi.context():
        assert not get_user_model().objects.filter(username="quantri2").exists()

    with django_capture_on_commit_callbacks(execute=True):
        assert central_admin.post(url, {**form, "xac_nhan": "1"}).status_code == 302

    body = mail.outbox[-1].body
    assert re.search(r"http://hanoi\.localhost/loi-moi/\S+/", body) and "Mật khẩu:" not in body
    with hanoi.context():
        added = get_user_model().objects.get(username="quantri2")
        assert added.is_superuser and not added.has_usable_password()
    with hcm.context():
        assert not get_user_model().objects.filter(username="quantri2").exists()


def test_a_province_superuser_cannot_add_domains_or_administrators(hanoi):
    browser = hanoi.signed_in_client()
    pk = Province.objects.get(code="01").pk
    assert browser.post(f"/admin/provinces/{pk}/them-ten-mien/", {"domain": "x.example.vn"}).status_code == 404
    assert browser.get(f"/admin/provinces/{pk}/them-quan-tri-vien/").status_code == 404


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
