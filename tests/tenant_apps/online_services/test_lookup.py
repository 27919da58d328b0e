"""A citizen looks up their request's status with its code and phone; nobody else learns anything."""

import pytest
from django.utils import timezone

from tenant_apps.online_services.models import RequestStatus, ServiceRequest
from tenant_apps.online_services.services import change_status
from tests.factories import ServiceRequestFactory

pytestmark = pytest.mark.django_db
LOOKUP_URL = "/tra-cuu-dich-vu-cong/"
NOT_FOUND = "Không tìm thấy hồ sơ khớp với mã hồ sơ và số điện thoại đã nhập."


@pytest.fixture
def hanoi_request(hanoi):
    with hanoi.context():
        service_request = ServiceRequestFactory(
            full_name="Phạm Thị Dung", phone="0987654321", email="dung@example.vn", id_number="001199001234"
        )
        change_status(service_request, RequestStatus.PROCESSING, "Đang kiểm tra tờ khai.", actor=None)
    return service_request


def test_the_citizen_sees_the_status_and_history_with_code_and_phone(hanoi, hanoi_request):
    response = hanoi.client().post(
        LOOKUP_URL, {"tracking_code": f" {hanoi_request.tracking_code.lower()} ", "phone": "+84 987.654.321"}
    )

    html = response.content.decode()
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert f"Hồ sơ {hanoi_request.tracking_code}" in html
    assert "Đang xử lý" in html and "Đang kiểm tra tờ khai." in html and "Đã tiếp nhận" in html
    assert "Đăng ký tham gia BHYT hộ gia đình" in html
    for personal in ("Phạm Thị Dung", "dung@example.vn", "001199001234", "Số 1 Lý Thái Tổ"):
        assert personal not in html


def test_the_lookup_form_works_without_javascript_and_labels_its_fields(hanoi):
    html = hanoi.client().get(LOOKUP_URL).content.decode()
    assert '<form method="post" action="/tra-cuu-dich-vu-cong/"' in html
    assert '<label for="id_tracking_code">Mã hồ sơ' in html and '<label for="id_phone">' in html


@pytest.mark.parametrize(
    "attempt",
    [
        {"phone": "0900000000"},  # right code, wrong phone
        {"tracking_code": "DV-20200101-AAAAAA"},  # unknown code, a phone someone used
    ],
    ids=["wrong-phone", "unknown-code"],
)
def test_a_wrong_pair_gives_one_neutral_message_and_reveals_nothing(hanoi, hanoi_request, attempt):
    form = {"tracking_code": hanoi_request.tracking_code, "phone": "0987654321", **attempt}

    html = hanoi.client().post(LOOKUP_URL, form).content.decode()

    assert NOT_FOUND in html
    for revealed in ("Đang xử lý", "Đang kiểm tra tờ khai.", "Đăng ký tham gia BHYT hộ gia đình", "Phạm Thị Dung"):
        assert revealed not in html


def test_another_provinces_code_is_never_found(hanoi, hcm, hanoi_request):
    form = {"tracking_code": hanoi_request.tracking_code, "phone": "0987654321"}

    html = hcm.client().post(LOOKUP_URL, form).content.decode()

    assert NOT_FOUND in html and "Đang kiểm tra tờ khai." not in html


def test_requests_whose_personal_data_was_erased_cannot_be_looked_up(hanoi, hanoi_request):
    with hanoi.context():
        ServiceRequest.objects.filter(pk=hanoi_request.pk).update(personal_data_erased_at=timezone.now())
    form = {"tracking_code": hanoi_request.tracking_code, "phone": "0987654321"}
    assert NOT_FOUND in hanoi.client().post(LOOKUP_URL, form).content.decode()


def test_malformed_input_is_explained_per_field(hanoi):
    html = hanoi.client().post(LOOKUP_URL, {"tracking_code": "abc", "phone": "12"}).content.decode()
    assert "Mã hồ sơ có dạng DV-YYYYMMDD-XXXXXX." in html and "Số điện thoại không hợp lệ" in html
    assert 'id="id_tracking_code_error"' in html and NOT_FOUND not in html


def test_lookups_are_rate_limited_per_address(hanoi, hanoi_request):
    browser = hanoi.client(REMOTE_ADDR="203.0.113.30")
    wrong = {"tracking_code": hanoi_request.tracking_code, "phone": "0900000000"}
    for _ in range(10):
        assert NOT_FOUND in browser.post(LOOKUP_URL, wrong).content.decode()

    right = {"tracking_code": hanoi_request.tracking_code, "phone": "0987654321"}
    html = browser.post(LOOKUP_URL, right).content.decode()
    assert "quá nhiều lần" in html and "Đang kiểm tra tờ khai." not in html
    other = hanoi.client(REMOTE_ADDR="203.0.113.31").post(LOOKUP_URL, right).content.decode()
    assert "Đang kiểm tra tờ khai." in other


def test_the_lookup_does_not_exist_on_the_central_site(central_client):
    assert central_client.get(LOOKUP_URL).status_code == 404
