"""Helpers of the online service tests: real small files and a valid submission."""

from __future__ import annotations

import functools
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

CAPTCHA_OK = {"captcha_0": "khoa-bat-ky", "captcha_1": "PASSED"}  # CAPTCHA_TEST_MODE in test settings


@functools.cache
def pdf_bytes() -> bytes:
    """A real one-page PDF (Pillow writes it), the same bytes every call: Pillow stamps the time."""
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


REQUEST_URL = "/dich-vu-cong/dang-ky-bhyt-ho-gia-dinh/"
