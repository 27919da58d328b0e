"""Views of the tenants app: per-schema media serving and the province's theme choice."""

import mimetypes
from pathlib import Path, PurePosixPath

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, SuspiciousFileOperation, SuspiciousOperation
from django.core.files.storage import default_storage
from django.db import connection
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils._os import safe_join
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.views.static import serve

from .storage import uses_folders
from .themes import available_themes


def tenant_media(request, schema: str, path: str):
    """Serve /media/<schema>/<path> only when <schema> is the schema of the requested host.

    Behind nginx (MEDIA_ACCEL_REDIRECT) the check stays here and nginx sends the bytes from its internal
    /_protected_media/ location (deploy/nginx/bhxh-site.conf.template). With MEDIA_STORAGE=s3 the object
    is streamed from the bucket, which is never public, and nginx caches the answer per host.
    """
    if schema != connection.schema_name:
        raise Http404
    if not uses_folders(default_storage):
        return _stream_object(path)
    schema_root = Path(settings.MEDIA_ROOT) / connection.schema_name
    if not schema_root.is_dir():
        raise Http404
    if not settings.MEDIA_ACCEL_REDIRECT:
        return with_file_headers(serve(request, path, document_root=str(schema_root)), Path(path).name)
    try:
        file_path = Path(safe_join(schema_root, path))
    except SuspiciousFileOperation as error:
        raise Http404 from error
    if not file_path.is_file():
        raise Http404
    response = HttpResponse(content_type=mimetypes.guess_type(file_path.name)[0] or "application/octet-stream")
    response["X-Accel-Redirect"] = f"/_protected_media/{schema}/{file_path.relative_to(schema_root).as_posix()}"
    return with_file_headers(response, file_path.name)


# How long browsers keep a file streamed from the bucket (nginx's /_protected_media/ says the same).
MEDIA_MAX_AGE = 7 * 24 * 3600


def _stream_object(path: str) -> FileResponse:
    """MEDIA_STORAGE=s3: the current schema's object streamed from the private bucket (nginx caches the
    answer per host, as a page); a name outside the schema is refused by the storage itself."""
    try:
        handle = default_storage.open(path, "rb")
    except (FileNotFoundError, SuspiciousOperation) as error:
        raise Http404 from error
    name = PurePosixPath(path).name
    response = FileResponse(handle, content_type=mimetypes.guess_type(name)[0] or "application/octet-stream")
    patch_cache_control(response, max_age=MEDIA_MAX_AGE)
    return with_file_headers(response, name)


# Files a browser may show in the page or tab; anything else is downloaded.
INLINE_CONTENT_TYPES = {"application/pdf", "image/gif", "image/jpeg", "image/png", "image/webp"}


def with_file_headers(response: HttpResponse, filename: str) -> HttpResponse:
    """Headers of an uploaded file: never sniffed, never run as a page, downloaded unless shown inline."""
    content_type = response.get("Content-Type", "").split(";")[0]
    as_attachment = content_type not in INLINE_CONTENT_TYPES
    response["Content-Disposition"] = content_disposition_header(as_attachment, filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"  # as Wagtail's documents; PDFs still open
    return response


class ThemeForm(forms.Form):
    theme = forms.ChoiceField(label=_("Giao diện"), widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = list(available_themes().items())


def choose_theme(request):
    """Province admin: the board's technical administrator switches the site's theme."""
    province = connection.tenant
    if not request.user.has_perm("wagtailcore.change_site"):
        raise PermissionDenied
    form = ThemeForm(request.POST or None, initial={"theme": province.theme})
    if request.method == "POST" and form.is_valid():
        province.theme = form.cleaned_data["theme"]
        province.save(update_fields=["theme"])
        messages.success(request, _("Đã đổi giao diện của trang."))
        return redirect("choose_theme")
    return TemplateResponse(request, "tenants/choose_theme.html", {"form": form, "page_title": _("Giao diện trang")})
