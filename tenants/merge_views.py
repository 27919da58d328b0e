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
    remove_merged_schema,
    rename_province,
    request_dry_run,
    request_merge,
    requeue_dry_run,
)
from .models import MergeDryRun, ProvinceMergeRecord

PERMISSION = "tenants.change_province"
REFRESH_SECONDS = 5  # how often the status page of a running merge reloads itself


def _require_permission(request) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def merge_view(request):
    """Sáp nhập tỉnh: a dry run first ("Chạy thử"), then, confirmed, the merge; each a job for the Celery
    worker, followed on its status page."""
    _require_permission(request)
    form = MergeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data, apply = form.cleaned_data, "sap-nhap" in request.POST
        if apply and not data["confirm"]:
            form.add_error("confirm", _("Hãy xác nhận trước khi sáp nhập."))
        else:
            source, target, user = data["source"].code, data["target"].code, request.user.get_username()
            try:
                if apply:
                    job = request_merge(source, target, mode=data["mode"], requested_by=user)
                else:
                    job = request_dry_run(source, target, mode=data["mode"], requested_by=user)
            except MergeError as error:
                form.add_error(None, str(error))
            else:
                return _queue(request, job)
    context = {
        "form": form,
        "records": ProvinceMergeRecord.objects.select_related("source", "target"),
        "dry_runs": MergeDryRun.objects.select_related("target")[:DRY_RUNS_LISTED],
        "remove_form": RemoveSchemaForm(),
        "page_title": _("Sáp nhập tỉnh"),
    }
    return TemplateResponse(request, "tenants/merge_provinces.html", context)


DRY_RUNS_LISTED = 10  # the latest dry runs listed under the merge form


def _queue(request, job: ProvinceMergeRecord | MergeDryRun):
    """Send the job to the worker once the request commits; to its status page. A broker that refuses
    marks the job failed with the reason (the beat sweep sends again one whose message was lost)."""
    from .tasks import run_merge_dry_run_job, run_merge_job

    dry_run = isinstance(job, MergeDryRun)
    model, task = (MergeDryRun, run_merge_dry_run_job) if dry_run else (ProvinceMergeRecord, run_merge_job)

    def send() -> None:
        try:
            task.delay(job.pk)
        except KombuOperationalError as error:
            model.objects.filter(pk=job.pk).update(
                status=model.Status.FAILED,
                error=f"Không gửi được việc {'chạy thử' if dry_run else 'sáp nhập'} tới hàng đợi ({error}); "
                "hãy chạy lại.",
                finished_at=timezone.now(),
            )

    transaction.on_commit(send)
    if dry_run:
        messages.success(request, _("Đã gửi yêu cầu chạy thử sáp nhập %(merge)s.") % {"merge": job})
        return redirect("merge_provinces_dry_run", pk=job.pk)
    messages.success(request, _("Đã gửi yêu cầu sáp nhập %(merge)s.") % {"merge": job})
    return redirect("merge_provinces_job", pk=job.pk)


def job_view(request, pk: int):
    """Trạng thái việc sáp nhập: status, what was done so far, the reason of a failure; reloads itself
    (a meta refresh, no script) until the job ends. POST runs a failed job again (a job whose message
    was lost before any worker took it is sent again by the beat sweep)."""
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
    return _status_page(request, record, dry_run=False)


def dry_run_view(request, pk: int):
    """Trạng thái việc chạy thử: the same page as a merge's; once done, the list of what would move.
    POST runs the dry run again (the content may have changed)."""
    _require_permission(request)
    job = get_object_or_404(MergeDryRun.objects.select_related("source", "target"), pk=pk)
    if request.method == "POST":
        try:
            job = requeue_dry_run(job)
        except MergeError as error:
            messages.error(request, str(error))
            return redirect("merge_provinces_dry_run", pk=job.pk)
        return _queue(request, job)
    return _status_page(request, job, dry_run=True)


def _status_page(request, job: ProvinceMergeRecord | MergeDryRun, *, dry_run: bool):
    # failed, or left "running" by a worker that died (its lock went with its connection)
    stopped = job.status == job.Status.FAILED or (job.status == job.Status.RUNNING and not is_running(job))
    context = {
        "record": job,
        "dry_run": dry_run,
        "lines": job.log.splitlines(),
        "refresh_seconds": None if job.is_finished else REFRESH_SECONDS,
        "status_url": request.path,
        "can_run_again": stopped or (dry_run and job.status == job.Status.SUCCEEDED),
        "page_title": _("Chạy thử sáp nhập tỉnh") if dry_run else _("Việc sáp nhập tỉnh"),
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
