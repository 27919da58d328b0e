"""Every province site carries the required sections, rendered by the default theme."""

import pytest
from django.core import mail

from tenant_apps.contact.models import ContactMessage
from tenant_apps.offices.models import Office, OfficeDirectoryPage

pytestmark = pytest.mark.django_db
CAPTCHA_OK = {"captcha_0": "khoa-bat-ky", "captcha_1": "PASSED"}  # CAPTCHA_TEST_MODE in test settings

SECTIONS = {
    "/gioi-thieu/": "Chức năng, nhiệm vụ",
    "/gioi-thieu/introduction/": "Functions and duties",
    "/tin-tuc/": "Tin tức",
    "/van-ban/": "Tìm thấy 0 văn bản",
    "/thu-tuc-hanh-chinh/": "Cổng Dịch vụ công quốc gia",
    "/dich-vu-cong/": "Dịch vụ công trực tuyến",
    "/he-thong-co-quan/": "Bảo hiểm xã hội thành phố Hà Nội",
    "/lien-he/": "Gửi thư liên hệ",
    "/tro-giup/": "Cách sử dụng trang",
    "/so-do-cong/": "sitemap.xml",
}


@pytest.mark.parametrize(("path", "text"), SECTIONS.items())
def test_each_required_section_exists_on_a_new_province(hanoi, path, text):
    response = hanoi.client().get(path)
    assert response.status_code == 200
    assert text in response.content.decode()


def test_the_main_menu_has_the_items_the_rules_require_with_access_keys(hanoi):
    html = hanoi.client().get("/").content.decode()
    nav = html.split('aria-label="Điều hướng chính"')[1].split("</nav>")[0]
    for item in ("Trang chủ", "Giới thiệu", "Dịch vụ công trực tuyến", "Sơ đồ cổng"):
        assert item in nav
    assert 'accesskey="1"' in html and 'accesskey="3"' in html and 'accesskey="4"' in html


def test_the_english_introduction_is_marked_as_english(hanoi):
    html = hanoi.client().get("/gioi-thieu/introduction/").content.decode()
    assert '<html lang="en">' in html
    assert "Social Security Office of Hà Nội" in html


def test_the_site_map_page_is_a_text_tree_of_the_site(hanoi):
    html = hanoi.client().get("/so-do-cong/").content.decode()
    tree = html.split('class="site-tree"')[1].split("sitemap.xml")[0]
    for title in ("Giới thiệu", "Introduction", "Tin tức", "Văn bản", "Liên hệ", "Trợ giúp"):
        assert f">{title}</a>" in tree


def test_a_citizen_finds_their_office_by_commune_with_or_without_accents(hanoi):
    with hanoi.context():
        directory = OfficeDirectoryPage.objects.get()
        Office.objects.create(
            page=directory,
            name="Bảo hiểm xã hội cơ sở Đống Đa",
            address="Số 1 Tôn Đức Thắng",
            communes="Phường Đống Đa\nPhường Văn Miếu - Quốc Tử Giám\nPhường Láng",
        )
        Office.objects.create(
            page=directory,
            name="Bảo hiểm xã hội cơ sở Cầu Giấy",
            address="Số 2 Trần Duy Hưng",
            communes="Phường Cầu Giấy\nPhường Nghĩa Đô",
        )

    for query in ("Văn Miếu", "van mieu", "VĂN MIẾU - QUỐC TỬ GIÁM", "dong da"):
        html = hanoi.client().get("/he-thong-co-quan/", {"xa": query}).content.decode()
        assert "Bảo hiểm xã hội cơ sở Đống Đa" in html, query
        assert "Bảo hiểm xã hội cơ sở Cầu Giấy" not in html, query
    html = hanoi.client().get("/he-thong-co-quan/", {"xa": "Phường Bến Nghé"}).content.decode()
    assert "Không tìm thấy cơ quan phụ trách" in html


def test_the_contact_form_stores_the_message_and_notifies_the_board(hanoi, django_capture_on_commit_callbacks):
    hanoi.province.email = "bbt@hanoi.vss.gov.vn"
    hanoi.province.save()
    form = {
        "name": "Trần Thị Bình",
        "email": "binh@example.vn",
        "phone": "0912 345 678",
        "subject": "Hỏi về thẻ BHYT",
        "message": "Tôi bị mất thẻ BHYT, cần làm thủ tục gì?",
        "website": "",
        **CAPTCHA_OK,
    }

    with django_capture_on_commit_callbacks(execute=True):
        response = hanoi.client().post("/lien-he/", form)

    assert response.status_code == 302
    assert "Cảm ơn bạn đã liên hệ" in hanoi.client().get(response["Location"]).content.decode()
    with hanoi.context():
        assert ContactMessage.objects.get().subject == "Hỏi về thẻ BHYT"
    assert mail.outbox[0].to == ["bbt@hanoi.vss.gov.vn"] and "Hỏi về thẻ BHYT" in mail.outbox[0].subject


def test_the_contact_form_shows_which_field_is_wrong_in_vietnamese(hanoi):
    response = hanoi.client().post(
        "/lien-he/", {"name": "", "email": "khong-hop-le", "phone": "abc", "subject": "Hỏi", "message": "Nội dung"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Trường này là bắt buộc." in html and "Nhập địa chỉ email." in html
    assert "Số điện thoại không hợp lệ" in html
    with hanoi.context():
        assert not ContactMessage.objects.exists()


def test_the_contact_form_honeypot_stops_bots(hanoi):
    form = {
        "name": "Bot",
        "email": "bot@example.com",
        "subject": "Quảng cáo",
        "message": "Mua ngay",
        "website": "http://spam.example",
        **CAPTCHA_OK,
    }
    assert hanoi.client().post("/lien-he/", form).status_code == 200
    with hanoi.context():
        assert not ContactMessage.objects.exists()


def test_contact_messages_stay_in_their_province(hanoi, hcm):
    form = {"name": "Lê Văn C", "email": "c@example.vn", "subject": "Góp ý", "message": "Góp ý trang web", **CAPTCHA_OK}
    hanoi.client().post("/lien-he/", form)
    with hcm.context():
        assert not ContactMessage.objects.exists()
    admin = hcm.signed_in_client()
    assert "Góp ý trang web" not in admin.get("/admin/contact_messages/").content.decode()


def test_text_size_control_works_without_javascript(hanoi):
    browser = hanoi.client()
    response = browser.get("/co-chu/lon/", {"next": "/tin-tuc/"})
    assert response.status_code == 302 and response["Location"] == "/tin-tuc/"
    assert 'class="co-chu-lon' in browser.get("/tin-tuc/").content.decode()
    assert browser.get("/co-chu/khong-co/").status_code == 404
    assert browser.get("/co-chu/nho/", {"next": "https://evil.example/"})["Location"] == "/"


def test_robots_txt_points_to_the_province_sitemap(hanoi):
    body = hanoi.client().get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in body and "Sitemap: http://hanoi.localhost/sitemap.xml" in body


def test_the_contact_form_refuses_a_wrong_captcha_and_rate_limits_one_address(hanoi):
    form = {
        "name": "Lê Văn D",
        "email": "d@example.vn",
        "subject": "Góp ý",
        "message": "Nội dung góp ý",
        "captcha_0": "khoa",
        "captcha_1": "SAI",
    }
    html = hanoi.client().post("/lien-he/", form).content.decode()
    assert "Mã xác nhận không đúng" in html

    browser = hanoi.client(REMOTE_ADDR="203.0.113.9")
    statuses = [browser.post("/lien-he/", {**form, **CAPTCHA_OK}).status_code for _ in range(7)]
    assert statuses[:5] == [302] * 5 and statuses[5:] == [200, 200]
    assert "quá nhiều thư" in browser.post("/lien-he/", {**form, **CAPTCHA_OK}).content.decode()
    with hanoi.context():
        assert ContactMessage.objects.count() == 5
    assert hanoi.client(REMOTE_ADDR="203.0.113.10").post("/lien-he/", {**form, **CAPTCHA_OK}).status_code == 302
