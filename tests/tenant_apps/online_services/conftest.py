"""Fixtures of the online service tests: a request type in Hà Nội, real small files, staff accounts."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission

from tenant_apps.home.models import HomePage
from tests.factories import ServiceRequestPageFactory, UserFactory

STAFF_PERMISSIONS = ("wagtailadmin.access_admin", "online_services.view_servicerequest")
PROCESSING_PERMISSIONS = (*STAFF_PERMISSIONS, "online_services.change_servicerequest")


@pytest.fixture(autouse=True)
def private_media_root(settings, tmp_path):
    """Each test stores uploads in its own private folder (and MEDIA_ROOT elsewhere)."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def request_page(hanoi):
    """«Đăng ký tham gia BHYT hộ gia đình» under Hà Nội's «Dịch vụ công trực tuyến» section."""
    with hanoi.context():
        section = HomePage.objects.get().get_children().get(slug="dich-vu-cong")
        return ServiceRequestPageFactory(parent=section, slug="dang-ky-bhyt-ho-gia-dinh")


def _staff(username: str, permissions: tuple[str, ...]):
    user = UserFactory(username=username)
    for permission in permissions:
        app_label, codename = permission.split(".")
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return user


@pytest.fixture
def clerk(hanoi):
    """Hà Nội staff who process requests but may not see personal data."""
    with hanoi.context():
        return _staff("can-bo-tiep-nhan", PROCESSING_PERMISSIONS)


@pytest.fixture
def officer(hanoi):
    """Hà Nội staff with the dedicated personal-data permission."""
    with hanoi.context():
        return _staff("can-bo-xu-ly", (*PROCESSING_PERMISSIONS, "online_services.view_personal_data"))
