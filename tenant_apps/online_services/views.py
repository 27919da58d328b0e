"""Public and protected views: the citizen's status lookup and the download of a private upload."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from tenant_apps.antispam.ratelimit import allow_submission
from tenants.schemas import province_schema_only

from .forms import StatusLookupForm
from .privacy import can_view_personal_data
from .selectors import (
    find_request_for_lookup,
    private_file_by_key,
    public_history,
    request_by_receipt_token,
    steps_of,
)
from .services import record_personal_data_access

LOOKUP_RATE_LIMIT_SCOPE = "tra-cuu-dich-vu-cong"


@never_cache
@province_schema_only
def status_lookup(request):
    """Tra cứu hồ sơ: code + phone -> status and history; one neutral message when they do not match."""
    # Bound even when the POST is empty: the rate limit adds its error to it.
    form = StatusLookupForm(request.POST if request.method == "POST" else None)
    found, not_found = None, False
    if request.method == "POST":
        limit, window = settings.ONLINE_SERVICES_LOOKUP_RATE_LIMIT
        if not allow_submission(request, LOOKUP_RATE_LIMIT_SCOPE, limit=limit, window=window):
            form.add_error(None, _("Bạn đã tra cứu quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau ít phút."))
        elif form.is_valid():
            found = find_request_for_lookup(form.cleaned_data["tracking_code"], form.cleaned_data["phone"])
            not_found = found is None
    history = list(public_history(found)) if found else []
    context = {
        "form": form,
        "found": found,
        "history": history,
        "steps": steps_of(found, history) if found else [],
        "not_found": not_found,
        "page_title": _("Tra cứu tình trạng hồ sơ dịch vụ công"),
    }
    return TemplateResponse(request, "online_services/status_lookup.html", context)


@never_cache
@province_schema_only
def receipt(request, token):
    """Biên nhận: what was received and how to follow it, at an address that survives a reload;
    `?ban-in=1` prints it, `?tai-ve=1` saves it as a file (no JavaScript). The status mails link
    here, so it shows the request's steps with their dates too. No personal data (nor the staff's
    notes): the address is kept in the citizen's browser history and may be shared."""
    found = request_by_receipt_token(token)
    if found is None:
        raise Http404
    saving = "tai-ve" in request.GET
    context = {
        "receipt": found,
        "steps": steps_of(found, public_history(found)),
        "service_page": found.page,
        "files": found.files.only("label", "request_id"),
        "print_mode": saving or "ban-in" in request.GET,
        "page_title": _("Biên nhận hồ sơ trực tuyến"),
    }
    response = TemplateResponse(request, "online_services/receipt.html", context)
    if saving:
        response.render()
        response["Content-Disposition"] = f'attachment; filename="bien-nhan-{found.tracking_code}.html"'
    return response


@never_cache
@province_schema_only
def private_file(request, key):
    """Send one upload as an attachment, only to staff of this province with the personal-data permission.

    The permission is checked before the file is looked up, so others cannot even learn whether a key
    exists; every download is logged.
    """
    if not can_view_personal_data(request.user):
        raise PermissionDenied
    stored = private_file_by_key(key)
    if stored is None or not stored.file.storage.exists(stored.file.name):
        raise Http404
    record_personal_data_access(
        request.user,
        stored.request,
        _("Tải tệp: %(name)s (%(label)s)") % {"name": stored.original_name, "label": stored.label},
    )
    response = FileResponse(
        stored.file.open("rb"), as_attachment=True, filename=stored.original_name, content_type=stored.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
