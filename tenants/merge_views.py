"""Central admin screens for merging and renaming provinces (tenants/merging.py does the work)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .backups import BackupError
from .forms import MergeForm, RemoveSchemaForm, RenameForm
from .merging import MergeError, merge_provinces, remove_merged_schema, rename_province
from .models import ProvinceMergeRecord

PERMISSION = "tenants.change_province"


def _require_permission(request) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def merge_view(request):
    """Sáp nhập tỉnh: a dry run first ("Chạy thử"), then the merge with a confirmation."""
    _require_permission(request)
    form = MergeForm(request.POST or None)
    lines: list[str] = []
    if request.method == "POST" and form.is_valid():
        data, apply = form.cleaned_data, "sap-nhap" in request.POST
        if apply and not data["confirm"]:
            form.add_error("confirm", _("Hãy xác nhận trước khi sáp nhập."))
        else:
            try:
                result = merge_provinces(
                    data["source"].code,
                    data["target"].code,
                    mode=data["mode"],
                    dry_run=not apply,
                    requested_by=request.user.get_username(),
                )
            except MergeError as error:
                form.add_error(None, str(error))
            else:
                if apply:
                    messages.success(request, _("Đã sáp nhập %(merge)s.") % {"merge": result.record})
                    return redirect("merge_provinces")
                lines = result.lines
    context = {
        "form": form,
        "lines": lines,
        "records": ProvinceMergeRecord.objects.select_related("source", "target"),
        "remove_form": RemoveSchemaForm(),
        "page_title": _("Sáp nhập tỉnh"),
    }
    return TemplateResponse(request, "tenants/merge_provinces.html", context)


def remove_schema_view(request, pk: int):
    """The second confirmation: back up and drop the absorbed schema once its code is typed."""
    _require_permission(request)
    record = get_object_or_404(ProvinceMergeRecord, pk=pk)
    form = RemoveSchemaForm(request.POST or None)
    if request.method != "POST" or not form.is_valid() or form.cleaned_data["code"].strip() != record.source.code:
        messages.error(request, _("Mã tỉnh không khớp; schema chưa bị xoá."))
        return redirect("merge_provinces")
    try:
        remove_merged_schema(record.source.code)
    except (MergeError, BackupError) as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Đã sao lưu và xoá schema của %(name)s.") % {"name": record.source_name})
    return redirect("merge_provinces")


def rename_view(request):
    """Đổi tên tỉnh: names, code, slug, domains; the old domains answer 301."""
    _require_permission(request)
    form = RenameForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            province = rename_province(
                data["province"].code,
                name=data["name"],
                short_name=data["short_name"],
                office_name=data["office_name"],
                new_code=data["code"],
                slug=data["slug"],
                domains=data["domains"].split(),
            )
        except MergeError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Đã cập nhật %(province)s.") % {"province": province})
            return redirect("rename_province")
    return TemplateResponse(request, "tenants/rename_province.html", {"form": form, "page_title": _("Đổi tên tỉnh")})
