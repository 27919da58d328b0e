"""Checks on an upload: size, and type by CONTENT (magic bytes), not by the file name.

Every upload of the platform goes through `check_upload()`: citizens' files and establishment
dossiers accept PDF, JPEG and PNG (`CITIZEN_FILES`); Wagtail documents accept the office formats
of `OFFICE_DOCUMENTS` (tenant_apps/documents/admin_forms.py). The extension must agree with the
content, and images must open with Pillow, so an HTML page renamed .pdf, an SVG (text, which a
browser would run), a zip in place of a PDF or a truncated image is refused.
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

ACCEPT_ATTRIBUTE = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
HEADER_BYTES = 8192  # what filetype reads itself: enough to see the parts of an Office file


@dataclass(frozen=True)
class AcceptedFiles:
    """A kind of upload: MIME type detected from the content -> the extensions it may carry."""

    types: dict[str, tuple[str, ...]]
    label: str  # the formats, as the error messages name them


CITIZEN_FILES = AcceptedFiles(
    types={"application/pdf": (".pdf",), "image/jpeg": (".jpg", ".jpeg"), "image/png": (".png",)},
    label="PDF, JPEG hoặc PNG",
)
_OLE = (".doc", ".xls")  # both are OLE compound files, which the header alone does not always tell apart
_ZIPPED_OFFICE = (".docx", ".xlsx", ".odt", ".ods")
OFFICE_DOCUMENTS = AcceptedFiles(
    types={
        "application/pdf": (".pdf",),
        "application/msword": _OLE,
        "application/vnd.ms-excel": _OLE,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (".docx",),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": (".xlsx",),
        "application/vnd.oasis.opendocument.text": (".odt",),
        "application/vnd.oasis.opendocument.spreadsheet": (".ods",),
        # An Office file whose parts lie past the header is seen as a plain zip.
        "application/zip": (".zip", *_ZIPPED_OFFICE),
    },
    label="PDF, Word, Excel, OpenDocument hoặc ZIP",
)


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


def check_upload(
    upload: UploadedFile, accepted: AcceptedFiles = CITIZEN_FILES, max_bytes: int | None = None
) -> CheckedUpload:
    """Raise a ValidationError with a Vietnamese message unless `upload` is an acceptable file.

    `max_bytes` defaults to the limit of citizens' uploads (ONLINE_SERVICES_MAX_UPLOAD_MB).
    """
    name = os.path.basename(upload.name or "")
    max_bytes = max_bytes or max_upload_bytes()
    if upload.size is None or upload.size > max_bytes:
        raise ValidationError(
            _("Tệp «%(name)s» quá lớn: dung lượng tối đa là %(mb)s MB."),
            code="file_too_large",
            params={"name": name, "mb": max_bytes // (1024 * 1024)},
        )
    upload.seek(0)
    header = upload.read(HEADER_BYTES)
    upload.seek(0)
    kind = filetype.guess(header)
    if kind is None or kind.mime not in accepted.types:
        raise ValidationError(
            _("Tệp «%(name)s» không phải %(formats)s (hệ thống kiểm tra nội dung tệp, không chỉ phần đuôi)."),
            code="file_type",
            params={"name": name, "formats": accepted.label},
        )
    extension = os.path.splitext(name)[1].lower()
    if extension not in accepted.types[kind.mime]:
        raise ValidationError(
            _("Đuôi của tệp «%(name)s» không khớp với nội dung tệp; hãy lưu lại tệp dưới dạng %(formats)s."),
            code="file_extension",
            params={"name": name, "formats": accepted.label},
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
