"""Isolation is the product: nothing of one province is reachable from another's host."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.test import Client
from django_tenants.utils import schema_context
from wagtail.models import Site

from tenant_apps.home.models import HomePage
from tests.conftest import CENTRAL_HOST, TEST_PASSWORD, sign_in
from tests.factories import ContentPageFactory, UserFactory

pytestmark = pytest.mark.django_db


def _publish_page(site, title, slug):
    with site.context():
        page = ContentPageFactory(parent=HomePage.objects.get(), title=title, slug=slug)
        page.save_revision().publish()
    return page


def test_a_page_of_one_province_is_not_served_on_another_provinces_domain(hanoi, hcm):
    _publish_page(hanoi, "Lịch tiếp công dân tháng 12", "lich-tiep-cong-dan")

    own = hanoi.client().get("/lich-tiep-cong-dan/")
    other = hcm.client().get("/lich-tiep-cong-dan/")
    central = Client(HTTP_HOST=CENTRAL_HOST).get("/lich-tiep-cong-dan/")

    assert own.status_code == 200 and "Lịch tiếp công dân tháng 12" in own.content.decode()
    assert other.status_code == 404 and "Lịch tiếp công dân" not in other.content.decode()
    assert central.status_code == 404


def test_each_domain_serves_its_own_home_page_header_and_footer(hanoi, hcm):
    hanoi.province.address = "Số 86 Trần Hưng Đạo, Hà Nội"
    hanoi.province.save()

    hanoi_home = hanoi.client().get("/").content.decode()
    hcm_home = hcm.client().get("/").content.decode()

    assert "Bảo hiểm xã hội thành phố Hà Nội" in hanoi_home and "Số 86 Trần Hưng Đạo" in hanoi_home
    assert "Bảo hiểm xã hội Thành phố Hồ Chí Minh" in hcm_home
    assert "Hà Nội" not in hcm_home and "Số 86 Trần Hưng Đạo" not in hcm_home


@pytest.mark.parametrize("host", ["unknown.localhost", "hanoi.localhost.evil.vn", "quangninh.localhost"])
def test_an_unknown_host_gets_a_404_page_not_a_crash(host):
    response = Client(HTTP_HOST=host).get("/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_a_malformed_host_header_is_refused():
    response = Client(HTTP_HOST="hanoi.localhost/../hcm").get("/")
    assert response.status_code in (400, 404)


def test_an_editor_of_one_province_cannot_sign_in_to_another_or_the_central_admin(hanoi, hcm):
    with hanoi.context():
        UserFactory(username="bientap.hanoi", is_superuser=True, is_staff=True)

    own, other, central = hanoi.client(), hcm.client(), Client(HTTP_HOST=CENTRAL_HOST)
    credentials = {"username": "bientap.hanoi", "password": TEST_PASSWORD}

    assert own.post("/admin/login/", credentials).status_code == 302
    assert own.get("/admin/").url.startswith("/admin/xac-thuc-hai-buoc/")  # signed in; the second factor next
    assert other.post("/admin/login/", credentials).status_code == 200  # form again, with an error
    assert other.get("/admin/").status_code == 302
    assert central.post("/admin/login/", credentials).status_code == 200
    assert central.get("/admin/").status_code == 302


def test_a_session_from_one_province_is_worthless_on_another_host(hanoi, hcm):
    with hanoi.context():
        UserFactory(username="bientap.hanoi", is_superuser=True)
    browser = hanoi.signed_in_client("bientap.hanoi")
    session_cookie = browser.cookies["sessionid"].value
    assert browser.get("/admin/").status_code == 200

    intruder = hcm.client()
    intruder.cookies["sessionid"] = session_cookie
    assert intruder.get("/admin/").status_code == 302
    central = Client(HTTP_HOST=CENTRAL_HOST)
    central.cookies["sessionid"] = session_cookie
    assert central.get("/admin/").status_code == 302


def test_accounts_exist_only_in_their_own_schema(hanoi, hcm):
    with hanoi.context():
        UserFactory(username="chi.hanoi")
    with hcm.context():
        assert not get_user_model().objects.filter(username="chi.hanoi").exists()
    with schema_context("public"):
        assert not get_user_model().objects.filter(username="chi.hanoi").exists()


def test_the_central_province_admin_is_not_reachable_from_a_province_domain(hanoi, central_client):
    sign_in(central_client)
    assert central_client.get("/admin/provinces/").status_code == 200

    browser = hanoi.signed_in_client("admin")  # the province's own superuser
    assert browser.get("/admin/").status_code == 200
    assert browser.get("/admin/provinces/").status_code == 404
    assert browser.get("/admin/onboarding/new/").status_code == 404
    assert "/admin/provinces/" not in browser.get("/admin/").content.decode()  # no menu link to it
    assert "/admin/provinces/" in central_client.get("/admin/").content.decode()


def test_cache_entries_stay_in_their_province(hanoi, hcm):
    with hanoi.context():
        cache.set("thong-bao", "chỉ của Hà Nội")
    with hcm.context():
        assert cache.get("thong-bao") is None
        cache.set("thong-bao", "của Hồ Chí Minh")
    with hanoi.context():
        assert cache.get("thong-bao") == "chỉ của Hà Nội"
    assert cache.get("thong-bao") is None  # public schema


def test_wagtail_site_root_paths_are_cached_per_province(hanoi, hcm):
    for site in (hanoi, hcm, hanoi):
        assert site.client().get("/").status_code == 200
    with hanoi.context():
        hanoi_paths = Site.get_site_root_paths()
    with hcm.context():
        hcm_paths = Site.get_site_root_paths()
    assert [p.root_url for p in hanoi_paths] == ["http://hanoi.localhost"]
    assert [p.root_url for p in hcm_paths] == ["http://hcm.localhost"]


def test_media_files_are_stored_and_served_per_province(hanoi, hcm, settings):
    with hanoi.context():
        name = default_storage.save("tai-lieu/bieu-mau.pdf", ContentFile(b"%PDF-1.4 Ha Noi"))
        url = default_storage.url(name)
        path = default_storage.path(name)
    assert url.startswith("/media/hanoi/")
    assert path.startswith(str(settings.MEDIA_ROOT) + "/hanoi/")

    assert b"".join(hanoi.client().get(url).streaming_content) == b"%PDF-1.4 Ha Noi"
    assert hcm.client().get(url).status_code == 404
    assert hcm.client().get(url.replace("/media/hanoi/", "/media/hcm/")).status_code == 404
    assert Client(HTTP_HOST=CENTRAL_HOST).get(url).status_code == 404
    with hcm.context():
        assert not default_storage.exists(name)
    with hanoi.context():
        default_storage.delete(name)


def test_a_task_sent_from_a_province_carries_that_province_schema(hanoi):
    from tenant_schemas_celery.task import headers_with_schema

    with hanoi.context():
        assert headers_with_schema({})["_schema_name"] == "hanoi"
    assert headers_with_schema({})["_schema_name"] == connection.schema_name == "public"
