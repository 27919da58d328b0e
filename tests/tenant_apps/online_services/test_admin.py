"""Province staff process requests in their admin; personal data and files only with the permission."""

import re

import pytest
from django.core import mail
from django.db import connection

from tenant_apps.home.models import HomePage
from tenant_apps.online_services.models import (
    PersonalDataAccess,
    RequestStatus,
    ServiceRequest,
    ServiceRequestEvent,
    ServiceRequestPage,
)
from tests.conftest import sign_in
from tests.factories import ServiceRequestFactory

from .support import REQUEST_URL, pdf_bytes, request_form

pytestmark = pytest.mark.django_db
LIST_URL = "/admin/service_requests/"
XSS = '<script>alert("xss")</script><img src=x onerror=alert(1)>'
XSS_ESCAPED = "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"


def detail_url(service_request) -> str:
    return f"{LIST_URL}{service_request.pk}/"


@pytest.fixture
def citizen_request(hanoi):
    with hanoi.context():
        return ServiceRequestFactory(
            full_name="Nguyễn Văn Hùng", phone="0912345678", email="hung@example.vn", id_number="001203004567"
        )


@pytest.fixture
def sent_with_file(hanoi, request_page):
    """A request sent through the public form, with its PDF stored privately."""
    assert hanoi.client().post(REQUEST_URL, request_form()).status_code == 302
    with hanoi.context():
        return ServiceRequest.objects.get().files.get()


def test_staff_move_a_request_through_its_statuses_each_change_logged_and_the_citizen_notified(
    hanoi, clerk, citizen_request, django_capture_on_commit_callbacks
):
    staff = hanoi.signed_in_client(clerk.username)
    url = detail_url(citizen_request)

    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(url, {"to_status": RequestStatus.PROCESSING, "note": "Đang thẩm định tờ khai."})
    assert response.status_code == 302
    assert "Đã chuyển hồ sơ" in staff.get(url).content.decode()
    notice = mail.outbox[-1]
    assert notice.to == ["hung@example.vn"] and citizen_request.tracking_code in notice.subject
    assert "Đang xử lý" in notice.body and "Đang thẩm định tờ khai." in notice.body

    with django_capture_on_commit_callbacks(execute=True):
        staff.post(url, {"to_status": RequestStatus.DONE, "note": "Đã cấp thẻ BHYT."})

    with hanoi.context():
        service_request = ServiceRequest.objects.get(pk=citizen_request.pk)
        events = list(ServiceRequestEvent.objects.filter(request=service_request).exclude(from_status=""))
    assert service_request.status == RequestStatus.DONE and service_request.closed_at
    assert [(e.from_status, e.to_status, e.actor_id, e.actor_name) for e in events] == [
        (RequestStatus.RECEIVED, RequestStatus.PROCESSING, clerk.pk, clerk.username),
        (RequestStatus.PROCESSING, RequestStatus.DONE, clerk.pk, clerk.username),
    ]
    assert len(mail.outbox) == 2 and "Đã hoàn thành" in mail.outbox[-1].subject
    html = staff.get(url).content.decode()
    assert "Chuyển trạng thái" not in html and "Đã cấp thẻ BHYT." in html

    staff.post(url, {"to_status": RequestStatus.PROCESSING, "note": "Mở lại"})  # a closed request stays closed
    with hanoi.context():
        assert ServiceRequest.objects.get(pk=citizen_request.pk).status == RequestStatus.DONE


def test_a_rejection_needs_a_reason(hanoi, clerk, citizen_request):
    html = (
        hanoi.signed_in_client(clerk.username)
        .post(detail_url(citizen_request), {"to_status": RequestStatus.REJECTED, "note": " "})
        .content.decode()
    )
    assert "Hãy ghi lý do từ chối để người nộp biết." in html
    with hanoi.context():
        assert ServiceRequest.objects.get(pk=citizen_request.pk).status == RequestStatus.RECEIVED


def test_without_the_permission_personal_data_is_masked_and_nothing_is_logged(hanoi, clerk, citizen_request):
    html = hanoi.signed_in_client(clerk.username).get(detail_url(citizen_request)).content.decode()

    assert "Nguyễn Văn Hùng" in html and citizen_request.tracking_code in html
    assert "09******78" in html and "h***@e***.vn" in html and "*********567" in html
    for secret in ("0912345678", "hung@example.vn", "001203004567", "Số 1 Lý Thái Tổ"):
        assert secret not in html
    assert "cần quyền «Xem dữ liệu cá nhân»" in html
    with hanoi.context():
        assert not PersonalDataAccess.objects.exists()


def test_with_the_permission_personal_data_is_shown_and_every_view_is_logged(hanoi, officer, citizen_request):
    staff = hanoi.signed_in_client(officer.username)
    for _ in range(2):
        html = staff.get(detail_url(citizen_request)).content.decode()
        assert "0912345678" in html and "hung@example.vn" in html and "001203004567" in html
        assert "Số 1 Lý Thái Tổ" in html and "đã được ghi vào nhật ký" in html

    with hanoi.context():
        accesses = list(PersonalDataAccess.objects.order_by("pk"))
    assert [(a.user_id, a.request_id, a.tracking_code) for a in accesses] == [
        (officer.pk, citizen_request.pk, citizen_request.tracking_code)
    ] * 2
    assert "CCCD" in accesses[0].what and "điện thoại" in accesses[0].what

    log = hanoi.signed_in_client().get("/admin/personal_data_access/").content.decode()
    assert officer.username in log and citizen_request.tracking_code in log


def test_a_private_file_is_sent_only_to_staff_of_its_province_with_the_permission(
    hanoi, hcm, clerk, officer, sent_with_file
):
    url = f"/tep-dich-vu-cong/{sent_with_file.key}/"

    assert hanoi.client().get(url).status_code == 403
    assert hanoi.signed_in_client(clerk.username).get(url).status_code == 403
    assert hcm.signed_in_client().get(url).status_code == 404  # hcm's own administrator: no such file there
    officer_browser = hanoi.signed_in_client(officer.username)

    response = officer_browser.get(url)
    assert response.status_code == 200
    assert (
        response["Content-Disposition"].startswith("attachment;")
        and "to-khai-tk1-ts.pdf" in response["Content-Disposition"]
    )
    assert response["X-Content-Type-Options"] == "nosniff" and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == pdf_bytes()
    with hanoi.context():
        assert PersonalDataAccess.objects.get().what.startswith("Tải tệp: to-khai-tk1-ts.pdf")
    assert hanoi.client().get(f"/media/{hanoi.province.schema_name}/{sent_with_file.file.name}").status_code == 404
    assert officer_browser.get(url, HTTP_HOST=hcm.host).status_code == 403  # a Hà Nội session means nothing in HCM


def test_the_detail_links_files_only_for_staff_with_the_permission(hanoi, clerk, officer, sent_with_file):
    url = detail_url(sent_with_file.request)
    link = f"/tep-dich-vu-cong/{sent_with_file.key}/"
    assert link in hanoi.signed_in_client(officer.username).get(url).content.decode()
    html = hanoi.signed_in_client(clerk.username).get(url).content.decode()
    assert link not in html and "to-khai-tk1-ts.pdf" not in html and "1 tệp đính kèm" in html


def test_the_list_filters_by_status_and_stays_in_its_province(hanoi, hcm, clerk, central_client):
    with hanoi.context():
        received = ServiceRequestFactory()
        done = ServiceRequestFactory(status=RequestStatus.DONE)
    staff = hanoi.signed_in_client(clerk.username)

    html = staff.get(LIST_URL).content.decode()
    assert received.tracking_code in html and done.tracking_code in html
    filtered = staff.get(LIST_URL, {"status": RequestStatus.DONE}).content.decode()
    assert done.tracking_code in filtered and received.tracking_code not in filtered
    searched = staff.get(LIST_URL, {"q": received.tracking_code}).content.decode()
    assert received.tracking_code in searched and done.tracking_code not in searched

    hcm_admin = hcm.signed_in_client()
    assert received.tracking_code not in hcm_admin.get(LIST_URL).content.decode()
    assert hcm_admin.get(detail_url(received)).status_code == 404
    assert LIST_URL in hanoi.signed_in_client().get("/admin/").content.decode()  # the menu (JSON props)
    connection.set_schema_to_public()
    sign_in(central_client)
    assert central_client.get(LIST_URL).status_code == 404
    assert LIST_URL not in central_client.get("/admin/").content.decode()


def test_staff_without_request_permissions_see_no_requests(hanoi, citizen_request):
    from django.contrib.auth.models import Permission

    from tests.factories import UserFactory

    with hanoi.context():
        editor = UserFactory(username="bien-tap-vien-khac")
        editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    browser = hanoi.signed_in_client(editor.username)
    assert LIST_URL not in browser.get("/admin/").content.decode()
    for url in (LIST_URL, detail_url(citizen_request)):
        response = browser.get(url, follow=True)
        assert citizen_request.tracking_code not in response.content.decode()


def test_nobody_adds_or_deletes_requests_by_hand(hanoi, citizen_request):
    admin = hanoi.signed_in_client()
    html = admin.get(LIST_URL).content.decode()
    assert f"{LIST_URL}new/" not in html
    assert admin.get(f"{LIST_URL}new/").status_code == 404
    assert admin.post(f"{LIST_URL}delete/{citizen_request.pk}/").status_code == 404


def test_script_payloads_are_escaped_in_the_admin(hanoi, officer):
    with hanoi.context():
        service_request = ServiceRequestFactory(
            full_name=XSS, answers=[{"name": "ghi_chu", "label": "Ghi chú", "value": XSS}]
        )
    staff = hanoi.signed_in_client(officer.username)
    staff.post(detail_url(service_request), {"to_status": RequestStatus.PROCESSING, "note": XSS})

    for html in (staff.get(LIST_URL).content.decode(), staff.get(detail_url(service_request)).content.decode()):
        assert "<script>alert" not in html and "<img src=x" not in html
        assert XSS_ESCAPED in html


def test_wagtails_form_submissions_screen_does_not_list_request_types(hanoi, request_page):
    html = hanoi.signed_in_client().get("/admin/forms/").content.decode()
    assert request_page.title not in html


def test_editors_build_a_request_type_with_a_file_field_in_the_admin(hanoi):
    with hanoi.context():
        section = HomePage.objects.get().get_children().get(slug="dich-vu-cong")
    admin = hanoi.signed_in_client()
    url = f"/admin/pages/add/online_services/servicerequestpage/{section.pk}/"
    form = _page_form(("Sổ hộ khẩu hoặc giấy xác nhận cư trú", "file"), ("Lý do cấp lại", "multiline"))

    response = admin.post(url, {**form, "action-publish": "publish"})

    assert response.status_code == 302, re.findall(r'class="error-message">(.*?)<', response.content.decode())
    html = hanoi.client().get("/dich-vu-cong/cap-lai-the-bhyt/").content.decode()
    assert 'type="file" name="so_ho_khau_hoac_giay_xac_nhan_cu_tru"' in html and "tối đa 5 MB" in html

    clash = admin.post(url, {**_page_form(("Email", "email")), "slug": "khac"}).content.decode()
    assert "trùng với trường cố định" in clash
    with hanoi.context():
        assert ServiceRequestPage.objects.filter(slug="khac").count() == 0


def _page_form(*fields) -> dict:
    empty_rich_text = '{"blocks":[],"entityMap":{}}'
    data = {
        "title": "Cấp lại thẻ BHYT",
        "slug": "cap-lai-the-bhyt",
        "intro": empty_rich_text,
        "processing_time": "03 ngày làm việc",
        "thank_you_text": "Đã nhận.",
        "form_fields-TOTAL_FORMS": str(len(fields)),
        "form_fields-INITIAL_FORMS": "0",
        "form_fields-MIN_NUM_FORMS": "0",
        "form_fields-MAX_NUM_FORMS": "1000",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    for index, (label, kind) in enumerate(fields):
        data.update(
            {
                f"form_fields-{index}-label": label,
                f"form_fields-{index}-field_type": kind,
                f"form_fields-{index}-required": "on",
                f"form_fields-{index}-help_text": "",
                f"form_fields-{index}-choices": "",
                f"form_fields-{index}-default_value": "",
                f"form_fields-{index}-ORDER": str(index + 1),
            }
        )
    return data


def test_the_status_mail_links_to_this_requests_status_page_on_the_provinces_own_host_and_port(
    hanoi, hcm, clerk, citizen_request, settings, django_capture_on_commit_callbacks
):
    settings.PUBLIC_URL_PORT = 8000
    with hanoi.context():
        other = ServiceRequestFactory(request_type="Cấp lại thẻ BHYT", email="an@example.vn")
    with django_capture_on_commit_callbacks(execute=True):
        hanoi.signed_in_client(clerk.username).post(
            detail_url(citizen_request), {"to_status": RequestStatus.PROCESSING, "note": "Đang thẩm định."}
        )

    links = re.findall(r"https?://\S+", mail.outbox[-1].body)
    assert links == [f"http://hanoi.localhost:8000/bien-nhan/{citizen_request.receipt_token}/"]
    status_page = hanoi.client().get(links[0].removeprefix("http://hanoi.localhost:8000"))
    assert status_page.status_code == 200
    html = status_page.content.decode()
    assert citizen_request.tracking_code in html and other.tracking_code not in html
    assert "Đang xử lý: ngày" in html and "Đang thẩm định." not in html  # the step, never the staff's note
    assert hcm.client().get(links[0].removeprefix("http://hanoi.localhost:8000")).status_code == 404
