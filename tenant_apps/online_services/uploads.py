"""Checks on a citizen's upload: size, and type by CONTENT (magic bytes), not by the file name.

Only PDF, JPEG and PNG are accepted. The extension must agree with the content, and images
must open with Pillow, so an HTML page renamed .pdf, a zip or a truncated image is refused.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

# MIME type detected from the content -> the extensions a file of that type may carry.
ALLOWED_TYPES: dict[str, tuple[str, ...]] = {
    "application/pdf": (".pdf",),
    "image/jpeg": (".jpg", ".jpeg"),
    "image/png": (".png",),
}
ACCEPT_ATTRIBUTE = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
HEADER_BYTES = 2048


@dataclass(frozen=True)
class CheckedUpload:
    """What the check learnt about an accepted file."""

    content_type: str
    extension: str
    size: int


def max_upload_bytes() -> int:
    return settings.ONLINE_SERVICES_MAX_UPLOAD_MB * 1024 * 1024


def upload_help_text() -> str:
    return _("Tệp PDF, JPEG hoặc PNG, tối đa %(mb)s MB.") % {"mb": settings.ONLINE_SERVICES_MAX_UPLOAD_MB}


def check_upload(upload: UploadedFile) -> CheckedUpload:
    """Raise a ValidationError with a Vietnamese message unless `upload` is an acceptable file."""
    name = os.path.basename(upload.name or "")
    if upload.size is None or upload.size > max_upload_bytes():
        raise ValidationError(
            _("Tệp «%(name)s» quá lớn: dung lượng tối đa là %(mb)s MB."),
            code="file_too_large",
            params={"name": name, "mb": settings.ONLINE_SERVICES_MAX_UPLOAD_MB},
        )
    upload.seek(0)
    header = upload.read(HEADER_BYTES)
    upload.seek(0)
    kind = filetype.guess(header)
    if kind is None or kind.mime not in ALLOWED_TYPES:
        raise ValidationError(
            _("Tệp «%(name)s» không phải PDF, JPEG hoặc PNG (hệ thống kiểm tra nội dung tệp, không chỉ phần đuôi)."),
            code="file_type",
            params={"name": name},
        )
    extension = os.path.splitext(name)[1].lower()
    if extension not in ALLOWED_TYPES[kind.mime]:
        raise ValidationError(
            _("Đuôi của tệp «%(name)s» không khớp với nội dung tệp; hãy lưu lại tệp dưới dạng PDF, JPEG hoặc PNG."),
            code="file_extension",
            params={"name": name},
        )
    if kind.mime.startswith("image/"):
        _verify_image(upload, name)
    return CheckedUpload(content_type=kind.mime, extension=extension, size=upload.size)


def _verify_image(upload: UploadedFile, name: str) -> None:
    try:
        with Image.open(upload) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationError(
            _("Tệp ảnh «%(name)s» bị hỏng hoặc không đọc được."), code="file_broken", params={"name": name}
        ) from error
    finally:
        upload.seek(0)
