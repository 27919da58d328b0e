"""The receipt of an online service request: its own unguessable address that survives a reload,
printable and savable without JavaScript, without personal data; the status page's steps."""

import pytest
from django.utils import timezone

from tenant_apps.online_services.models import RequestStatus
from tenant_apps.online_services.services import change_status
from tests.factories import ServiceRequestFactory

from .support import REQUEST_URL, request_form

pytestmark = pytest.mark.django_db
LOOKUP_URL = "/tra-cuu-dich-vu-cong/"


@pytest.fixture
def receipt_url(hanoi, request_page):
    return hanoi.client().post(REQUEST_URL, request_form())["Location"]


def test_the_receipt_survives_a_reload(hanoi, receipt_url):
    browser = hanoi.client()
    browser.get(receipt_url)

    again = browser.get(receipt_url).content.decode()

    assert "Biên nhận hồ sơ trực tuyến" in again and "Mã hồ sơ" in again


def test_the_receipt_address_is_long_and_random(receipt_url):
    token = receipt_url.rstrip("/").rsplit("/", 1)[-1]

    assert receipt_url.startswith("/bien-nhan/") and len(token) >= 40


def test_the_receipt_shows_no_personal_data(hanoi, receipt_url):
    html = hanoi.client().get(receipt_url).content.decode()

    for personal in ("Trần Thị Bình", "0912345678", "binh@example.vn", "001203004567", "Số 12 phố Hàng Bạc"):
        assert personal not in html


def test_the_receipt_is_kept_out_of_search_engines(hanoi, receipt_url):
    html = hanoi.client().get(receipt_url).content.decode()

    assert '<meta name="robots" content="noindex, nofollow">' in html


def test_the_receipt_saves_as_a_file_without_javascript(hanoi, receipt_url):
    response = hanoi.client().get(receipt_url + "?tai-ve=1")

    assert response["Content-Disposition"].startswith('attachment; filename="bien-nhan-DV-')


def test_the_receipt_prints_as_a_clean_page_without_javascript(hanoi, receipt_url):
    html = hanoi.client().get(receipt_url + "?ban-in=1").content.decode()

    assert "print-mode" in html and "Lưu biên nhận" not in html


def test_the_receipt_offers_save_and_print_links(hanoi, receipt_url):
    html = hanoi.client().get(receipt_url).content.decode()

    assert 'href="?tai-ve=1"' in html and 'href="?ban-in=1"' in html


def test_another_province_cannot_open_the_receipt(hcm, receipt_url):
    assert hcm.client().get(receipt_url).status_code == 404


def test_an_unknown_receipt_key_is_not_found(hanoi):
    assert hanoi.client().get("/bien-nhan/khong-co-khoa-nay/").status_code == 404


@pytest.fixture
def done_request(hanoi):
    with hanoi.context():
        service_request = ServiceRequestFactory(phone="0987654321")
        change_status(service_request, RequestStatus.PROCESSING, "", actor=None)
        change_status(service_request, RequestStatus.DONE, "Đã cấp thẻ.", actor=None)
        return service_request


def test_the_status_page_shows_every_step_with_its_date(hanoi, done_request):
    html = hanoi.client().post(LOOKUP_URL, {"tracking_code": done_request.tracking_code, "phone": "0987654321"})
    today = timezone.localdate(done_request.created_at).strftime("%d/%m/%Y")

    for step in ("Đã tiếp nhận", "Đang xử lý", "Đã hoàn thành"):
        assert f"{step}: ngày {today}" in html.content.decode()


def test_a_step_still_ahead_says_so(hanoi):
    with hanoi.context():
        service_request = ServiceRequestFactory(phone="0987654322")

    html = hanoi.client().post(LOOKUP_URL, {"tracking_code": service_request.tracking_code, "phone": "0987654322"})

    assert "Đã hoàn thành: chưa tới" in html.content.decode()
