"""Fixtures of the online service tests: a request type in Hà Nội, real small files, staff accounts."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tenant_apps.home.models import HomePage
from tests.factories import ServiceRequestPageFactory, UserFactory

CAPTCHA_OK = {"captcha_0": "khoa-bat-ky", "captcha_1": "PASSED"}  # CAPTCHA_TEST_MODE in test settings
STAFF_PERMISSIONS = ("wagtailadmin.access_admin", "online_services.view_servicerequest")
PROCESSING_PERMISSIONS = (*STAFF_PERMISSIONS, "online_services.change_servicerequest")


def pdf_bytes() -> bytes:
    """A real one-page PDF (Pillow writes it)."""
    buffer = io.BytesIO()
    Image.new("RGB", (60, 80), "white").save(buffer, "PDF")
    return buffer.getvalue()


def image_bytes(kind: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "navy").save(buffer, kind)
    return buffer.getvalue()


def pdf_upload(name: str = "to-khai-tk1-ts.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes(), content_type="application/pdf")


def request_form(**overrides) -> dict:
    """A valid submission of the household request type (fields of HOUSEHOLD_FIELDS)."""
    data = {
        "full_name": "Trần Thị Bình",
        "phone": "0912 345 678",
        "email": "binh@example.vn",
        "id_number": "001203004567",
        "dia_chi_thuong_tru": "Số 12 phố Hàng Bạc, phường Hoàn Kiếm",
        "so_nguoi_trong_ho": "4",
        "phuong_thuc_dong": "6 tháng",
        "ghi_chu_them": "Gia đình có một cháu dưới 6 tuổi.",
        "to_khai_tk1_ts": pdf_upload(),
        "consent": "on",
        "website": "",
        **CAPTCHA_OK,
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


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


REQUEST_URL = "/dich-vu-cong/dang-ky-bhyt-ho-gia-dinh/"


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
