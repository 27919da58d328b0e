"""Central admin screens for merging and renaming provinces (tenants/merging.py does the work)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from kombu.exceptions import OperationalError as KombuOperationalError

from .backups import BackupError
from .forms import MergeForm, RemoveSchemaForm, RenameForm
from .merging import (
    MergeError,
    is_running,
    merge_provinces,
    remove_merged_schema,
    rename_province,
    request_merge,
)
from .models import ProvinceMergeRecord

PERMISSION = "tenants.change_province"
REFRESH_SECONDS = 5  # how often the status page of a running merge reloads itself


def _require_permission(request) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def merge_view(request):
    """Sáp nhập tỉnh: a dry run first ("Chạy thử"), then, confirmed, a merge job for the Celery worker."""
    _require_permission(request)
    form = MergeForm(request.POST or None)
    lines: list[str] = []
    if request.method == "POST" and form.is_valid():
        data, apply = form.cleaned_data, "sap-nhap" in request.POST
        if apply and not data["confirm"]:
            form.add_error("confirm", _("Hãy xác nhận trước khi sáp nhập."))
        else:
            source, target = data["source"].code, data["target"].code
            try:
                if apply:
                    record = request_merge(source, target, mode=data["mode"], requested_by=request.user.get_username())
                else:
                    lines = merge_provinces(source, target, mode=data["mode"], dry_run=True).lines
            except MergeError as error:
                form.add_error(None, str(error))
            else:
                if apply:
                    return _queue(request, record)
    context = {
        "form": form,
        "lines": lines,
        "records": ProvinceMergeRecord.objects.select_related("source", "target"),
        "remove_form": RemoveSchemaForm(),
        "page_title": _("Sáp nhập tỉnh"),
    }
    return TemplateResponse(request, "tenants/merge_provinces.html", context)


def _queue(request, record: ProvinceMergeRecord):
    """Send the job to the worker once the request commits; to its status page."""
    from .tasks import run_merge_job

    def send() -> None:
        try:
            run_merge_job.delay(record.pk)
        except KombuOperationalError as error:
            ProvinceMergeRecord.objects.filter(pk=record.pk).update(
                status=ProvinceMergeRecord.Status.FAILED,
                error=f"Không gửi được việc sáp nhập tới hàng đợi ({error}); hãy chạy lại.",
                finished_at=timezone.now(),
            )

    transaction.on_commit(send)
    messages.success(request, _("Đã gửi yêu cầu sáp nhập %(merge)s.") % {"merge": record})
    return redirect("merge_provinces_job", pk=record.pk)


def job_view(request, pk: int):
    """Trạng thái việc sáp nhập: status, what was done so far, the reason of a failure; reloads itself
    (a meta refresh, no script) until the job ends. POST runs a failed job again (a job that never
    reached a worker, still "waiting", is completed by `manage.py merge_provinces`)."""
    _require_permission(request)
    record = get_object_or_404(ProvinceMergeRecord.objects.select_related("source", "target"), pk=pk)
    if request.method == "POST":
        try:
            record = request_merge(
                record.source.code, record.target.code, mode=record.mode, requested_by=request.user.get_username()
            )
        except MergeError as error:
            messages.error(request, str(error))
            return redirect("merge_provinces_job", pk=record.pk)
        return _queue(request, record)
    context = {
        "record": record,
        "lines": record.log.splitlines(),
        "refresh_seconds": None if record.is_finished else REFRESH_SECONDS,
        # failed, or left "running" by a worker that died (its lock went with its connection)
        "can_run_again": record.status == ProvinceMergeRecord.Status.FAILED
        or (record.status == ProvinceMergeRecord.Status.RUNNING and not is_running(record)),
        "page_title": _("Việc sáp nhập tỉnh"),
    }
    return TemplateResponse(request, "tenants/merge_job.html", context)


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
