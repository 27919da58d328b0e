"""A citizen sends an online service request: the record, its files, the receipt, and every refusal."""

import re
from pathlib import Path

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from tenant_apps.home.models import HomePage
from tenant_apps.online_services.models import RequestStatus, ServiceRequest, ServiceRequestPage
from tenant_apps.pages.models import ContentPage
from tests.factories.online_services import add_reissue_request_type

from .support import CAPTCHA_OK, REQUEST_URL, image_bytes, pdf_bytes, request_form

pytestmark = pytest.mark.django_db
TRACKING_CODE = re.compile(r"DV-\d{8}-[A-Z0-9]{6}")


def test_a_citizen_sends_a_request_with_a_pdf_and_gets_a_receipt_with_a_tracking_code(
    hanoi, request_page, private_media_root, settings, django_capture_on_commit_callbacks
):
    browser = hanoi.client()
    form_html = browser.get(REQUEST_URL).content.decode()
    assert 'enctype="multipart/form-data"' in form_html and "Tờ khai TK1-TS" in form_html
    assert "Số căn cước công dân (CCCD)" in form_html

    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post(REQUEST_URL, request_form())

    assert response.status_code == 302
    receipt = browser.get(response["Location"]).content.decode()
    with hanoi.context():
        service_request = ServiceRequest.objects.get()
        stored = service_request.files.get()
        history = list(service_request.events.values_list("from_status", "to_status"))
    assert TRACKING_CODE.fullmatch(service_request.tracking_code)
    assert service_request.tracking_code in receipt and "Biên nhận hồ sơ trực tuyến" in receipt
    assert service_request.status == RequestStatus.RECEIVED and history == [("", RequestStatus.RECEIVED)]
    assert service_request.phone == "0912345678" and service_request.id_number == "001203004567"
    assert {"name": "so_nguoi_trong_ho", "label": "Số người trong hộ", "value": "4"} in service_request.answers
    assert stored.content_type == "application/pdf" and stored.original_name == "to-khai-tk1-ts.pdf"

    on_disk = Path(private_media_root) / hanoi.province.schema_name / stored.file.name
    assert on_disk.read_bytes() == pdf_bytes()
    assert not any(Path(settings.MEDIA_ROOT).rglob("*.pdf"))
    assert mail.outbox[-1].to == ["binh@example.vn"] and service_request.tracking_code in mail.outbox[-1].subject


def test_the_request_type_can_be_created_under_the_online_services_section_of_a_province_only(hanoi):
    with hanoi.context():
        home = HomePage.objects.get()
        section = home.get_children().get(slug="dich-vu-cong").specific
        assert isinstance(section, ContentPage)
        assert ServiceRequestPage.can_create_at(section) and ServiceRequestPage.can_create_at(home)
    assert not ServiceRequestPage.can_create_at(home)  # public schema: central site


def test_requests_land_only_in_their_own_province(hanoi, hcm, request_page):
    hanoi.client().post(REQUEST_URL, request_form())
    with hanoi.context():
        assert ServiceRequest.objects.count() == 1
    with hcm.context():
        assert not ServiceRequest.objects.exists()
    assert hcm.client().get(REQUEST_URL).status_code == 404


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("full_name", "", "Trường này là bắt buộc."),
        ("phone", "12345", "Số điện thoại không hợp lệ (ví dụ: 0912 345 678)."),
        ("phone", "", "Trường này là bắt buộc."),
        ("email", "khong-phai-email", "Nhập địa chỉ email."),
        ("id_number", "12345", "Số CCCD phải gồm đúng 12 chữ số."),
        ("id_number", "", "Trường này là bắt buộc."),
        ("dia_chi_thuong_tru", "", "Trường này là bắt buộc."),
        ("so_nguoi_trong_ho", "bốn", "Nhập một số."),
        ("phuong_thuc_dong", "24 tháng", "Hãy chọn một lựa chọn hợp lệ"),
        ("ghi_chu_them", "x" * 2001, "Giá trị này chỉ được có tối đa 2000 ký tự"),
        ("consent", None, "Bạn cần đồng ý cho xử lý dữ liệu cá nhân để gửi yêu cầu."),
        ("to_khai_tk1_ts", None, "Trường này là bắt buộc."),
    ],
)
def test_each_invalid_field_is_refused_with_its_vietnamese_message(hanoi, request_page, field, value, message):
    response = hanoi.client().post(REQUEST_URL, request_form(**{field: value}))

    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "Vui lòng sửa các ô được đánh dấu bên dưới." in html
    assert re.search(rf'id="id_{field}_error"', html), "the error is tied to its field"
    if field not in ("consent", "phuong_thuc_dong"):
        assert re.search(rf'<(input|textarea)[^>]*aria-describedby="[^"]*id_{field}_error"', html)
    with hanoi.context():
        assert not ServiceRequest.objects.exists()


NOT_PDF_JPEG_OR_PNG = "không phải PDF, JPEG hoặc PNG"
HTML_PAGE = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
ZIP_ARCHIVE = b"PK\x03\x04" + b"\0" * 200


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("to-khai.pdf", HTML_PAGE, NOT_PDF_JPEG_OR_PNG),
        ("ho-so.zip", ZIP_ARCHIVE, NOT_PDF_JPEG_OR_PNG),
        ("ho-so.pdf", ZIP_ARCHIVE, NOT_PDF_JPEG_OR_PNG),
        ("anh.pdf", image_bytes("PNG"), "không khớp với nội dung tệp"),
        ("anh.png", image_bytes("PNG")[:40], "bị hỏng hoặc không đọc được"),
        ("rong.pdf", b"", "Tệp đính kèm rỗng."),
    ],
    ids=["html-renamed-pdf", "zip", "zip-renamed-pdf", "png-named-pdf", "truncated-png", "empty"],
)
def test_uploads_that_are_not_really_pdf_jpeg_or_png_are_refused(
    hanoi, request_page, private_media_root, name, content, message
):
    upload = SimpleUploadedFile(name, content, "application/pdf")

    html = hanoi.client().post(REQUEST_URL, request_form(to_khai_tk1_ts=upload)).content.decode()

    assert message in html and 'id="id_to_khai_tk1_ts_error"' in html
    assert "hãy chọn lại tệp trước khi gửi" in html
    with hanoi.context():
        assert not ServiceRequest.objects.exists()
    assert not any(Path(private_media_root).rglob("*.*"))


def test_an_oversized_upload_is_refused(hanoi, request_page, settings, private_media_root):
    settings.ONLINE_SERVICES_MAX_UPLOAD_MB = 1
    oversized = SimpleUploadedFile("to-khai.pdf", pdf_bytes() + b"%" * (1024 * 1024), "application/pdf")

    html = hanoi.client().post(REQUEST_URL, request_form(to_khai_tk1_ts=oversized)).content.decode()

    assert "quá lớn: dung lượng tối đa là 1 MB" in html
    with hanoi.context():
        assert not ServiceRequest.objects.exists()
    assert not any(Path(private_media_root).rglob("*.*"))


@pytest.mark.parametrize(("kind", "name"), [("JPEG", "anh-chup.jpg"), ("PNG", "anh-chup.png")])
def test_photos_in_jpeg_or_png_are_accepted(hanoi, request_page, kind, name):
    upload = SimpleUploadedFile(name, image_bytes(kind), "application/octet-stream")
    assert hanoi.client().post(REQUEST_URL, request_form(to_khai_tk1_ts=upload)).status_code == 302
    with hanoi.context():
        assert ServiceRequest.objects.get().files.get().content_type == f"image/{kind.lower()}"


def test_the_honeypot_stops_bots(hanoi, request_page):
    response = hanoi.client().post(REQUEST_URL, request_form(website="http://spam.example"))
    assert response.status_code == 200
    with hanoi.context():
        assert not ServiceRequest.objects.exists()


def test_a_wrong_captcha_is_refused(hanoi, request_page):
    html = hanoi.client().post(REQUEST_URL, request_form(captcha_0="khoa", captcha_1="SAI")).content.decode()
    assert "Mã xác nhận không đúng, vui lòng nhập lại." in html
    with hanoi.context():
        assert not ServiceRequest.objects.exists()


def test_one_address_is_rate_limited_and_others_are_not(hanoi, request_page):
    browser = hanoi.client(REMOTE_ADDR="203.0.113.20")
    statuses = [browser.post(REQUEST_URL, request_form()).status_code for _ in range(6)]

    assert statuses == [302] * 5 + [200]
    assert "quá nhiều yêu cầu" in browser.post(REQUEST_URL, request_form()).content.decode()
    assert hanoi.client(REMOTE_ADDR="203.0.113.21").post(REQUEST_URL, request_form()).status_code == 302
    with hanoi.context():
        assert ServiceRequest.objects.count() == 6


def test_a_hundred_requests_in_a_row_leave_a_hundred_records(hanoi, request_page, settings, private_media_root):
    settings.ONLINE_SERVICES_SUBMIT_RATE_LIMIT = (1000, 600)
    browser = hanoi.client()

    statuses = {browser.post(REQUEST_URL, request_form(full_name=f"Người nộp {n}")).status_code for n in range(100)}

    assert statuses == {302}
    with hanoi.context():
        assert ServiceRequest.objects.count() == 100
        assert ServiceRequest.objects.values("tracking_code").distinct().count() == 100
        assert ServiceRequest.objects.filter(files__isnull=False).distinct().count() == 100
    assert len(list((Path(private_media_root) / hanoi.province.schema_name).rglob("*.pdf"))) == 100


def test_script_payloads_in_text_fields_never_reach_the_receipt_as_markup(hanoi, request_page):
    payload = '<script>alert("xss")</script><img src=x onerror=alert(1)>'
    browser = hanoi.client()
    response = browser.post(
        REQUEST_URL, request_form(full_name=payload, dia_chi_thuong_tru=payload, ghi_chu_them=payload)
    )

    html = browser.get(response["Location"]).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html


def test_a_request_type_without_id_number_does_not_ask_for_it(hanoi):
    add_reissue_request_type(hanoi)
    browser = hanoi.client()
    assert "CCCD" not in browser.get("/dich-vu-cong/cap-lai-the-bhyt/").content.decode()
    form = {
        "full_name": "Lê Văn Cường",
        "phone": "+84 912 000 111",
        "ly_do_cap_lai": "Mất thẻ",
        "consent": "on",
        **CAPTCHA_OK,
    }
    assert browser.post("/dich-vu-cong/cap-lai-the-bhyt/", form).status_code == 302
    with hanoi.context():
        service_request = ServiceRequest.objects.get()
    assert service_request.phone == "0912000111" and service_request.id_number == "" and service_request.email == ""
    assert service_request.request_type == "Cấp lại thẻ BHYT"


def test_a_request_that_cannot_be_stored_keeps_what_the_citizen_typed(hanoi, request_page, settings, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the upload folder should be")  # unwritable for root too
    settings.PRIVATE_MEDIA_ROOT = blocker / "private"

    response = hanoi.client().post(REQUEST_URL, request_form())
    html = response.content.decode()

    assert (response.status_code, "Chưa gửi được" in html, "Số 12 phố Hàng Bạc" in html) == (503, True, True)


def test_a_request_that_cannot_be_stored_leaves_no_record(hanoi, request_page, settings, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the upload folder should be")
    settings.PRIVATE_MEDIA_ROOT = blocker / "private"

    hanoi.client().post(REQUEST_URL, request_form())

    with hanoi.context():
        assert not ServiceRequest.objects.exists()
