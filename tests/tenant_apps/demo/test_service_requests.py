"""The demo provinces receive one online request type, linked from their «Dịch vụ công trực tuyến» section."""

import pytest

from tenant_apps.demo.content.common import Context, section
from tenant_apps.demo.content.profiles import PROFILES
from tenant_apps.demo.content.services import ensure_service_requests
from tenant_apps.home.models import HomePage

pytestmark = pytest.mark.django_db


def test_the_demo_request_type_is_created_once_and_linked_from_the_section(hanoi):
    with hanoi.context():
        ctx = Context(province=hanoi.province, profile=PROFILES["01"])
        services = section(HomePage.objects.get(), "dich-vu-cong")
        first = ensure_service_requests(services, ctx)
        again = ensure_service_requests(section(HomePage.objects.get(), "dich-vu-cong"), ctx)
    assert (first.total, first.created, again.total, again.created) == (1, 1, 1, 0)

    browser = hanoi.client()
    section_html = browser.get("/dich-vu-cong/").content.decode()
    assert 'href="/dich-vu-cong/dang-ky-tham-gia-bhyt-ho-gia-dinh/"' in section_html
    assert 'href="/tra-cuu-dich-vu-cong/"' in section_html
    form_html = browser.get("/dich-vu-cong/dang-ky-tham-gia-bhyt-ho-gia-dinh/").content.decode()
    assert 'type="file"' in form_html and "Số căn cước công dân (CCCD)" in form_html
    assert "Bảo hiểm xã hội thành phố Hà Nội kiểm tra hồ sơ" in form_html
