"""Sáp nhập và đổi tên tỉnh — merge one province into another, rename a province.

The kernel orchestrates; each app moves its own content through the steps it registers for
`tenants.steps.MERGE_PROVINCES` (docs/decisions.md, Merging provinces). A merge is:

1. a job (`ProvinceMergeRecord`), queued by the central admin for the Celery worker or run at once
   by the command;
2. the absorbed province's media folder copied into the receiving one's (`<target>/sap-nhap/<source>/`;
   copying again overwrites, so a re-run is safe);
3. each app's step (in the receiving schema) in a transaction of its own, all or nothing: a failure
   leaves the steps before it done and the job failed with its reason; running the job again skips
   what was moved and completes it;
4. one last transaction: the absorbed domains moved to the receiving province as redirecting hosts,
   the absorbed Province marked "merged". Until then the absorbed site keeps answering as before;
5. later, on a second confirmation, `remove_merged_schema()` backs the absorbed schema up, drops it
   and, after the commit, removes its media folders.

A dry run is the same run in one transaction rolled back, so it shows exactly what would move. From the
central admin it is a job too (`MergeDryRun`, `run_dry_run`), with the same status page.
"""

from __future__ import annotations

import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django_tenants.utils import schema_context, schema_exists, tenant_context
from wagtail import hooks
from wagtail.models import Page, Site

from .backups import backup_province
from .jobs import stalled_jobs
from .models import Domain, MergeDryRun, Province, ProvinceMergeRecord
from .services import HOST_NAME_RE, ensure_default_site, normalise_host
from .steps import MERGE_PROVINCES, MERGED_MEDIA_FOLDER, ProvinceMerge, Reporter
from .storage import copy_tree, delete_tree, media_storages, uses_folders


class MergeError(Exception):
    """A merge or rename refused; the message is one line, in Vietnamese, for the operator."""


class MergeRunning(MergeError):
    """Another process runs this merge job now."""


@dataclass
class MergeResult:
    record: ProvinceMergeRecord | None  # None after a dry run
    dry_run: bool
    lines: list[str] = field(default_factory=list)


def _province(code: str) -> Province:
    province = Province.objects.exclude(code="").filter(code=code.strip()).first()
    if province is None:
        raise MergeError(f"Không có tỉnh, thành phố mã «{code}» trên hệ thống.")
    return province


def _check_merge(source: Province, target: Province) -> ProvinceMergeRecord | None:
    if source.pk == target.pk:
        raise MergeError("Không thể sáp nhập một tỉnh vào chính nó.")
    if target.status == Province.Status.MERGED:
        raise MergeError(f"{target} đã được sáp nhập vào tỉnh khác; chọn tỉnh nhận đang hoạt động.")
    record = ProvinceMergeRecord.objects.filter(source=source).first()
    if record and record.target_id != target.pk:
        state = "đã được" if record.merged_at else "đang được (chưa xong)"
        raise MergeError(f"{source} {state} sáp nhập vào {record.target}.")
    if record and record.schema_removed_at:
        raise MergeError(f"{source} đã được sáp nhập và xoá schema ngày {record.schema_removed_at:%d/%m/%Y}.")
    for province in (source, target):
        if not schema_exists(province.schema_name):
            raise MergeError(f"Schema «{province.schema_name}» của {province} không tồn tại.")
    return record


def _copy_media(source: Province, target: Province) -> None:
    """The absorbed media folders (public, and private: citizens' uploads), copied under the receiving
    ones (`merge.file_name()`); the originals go with the schema. Folders are copied as folders, objects
    (MEDIA_STORAGE=s3) one by one through the storage."""
    for storage, root_setting in media_storages().values():
        if not uses_folders(storage):
            copy_tree(storage, source.schema_name, target.schema_name, f"{MERGED_MEDIA_FOLDER}/{source.schema_name}")
            continue
        root = Path(getattr(settings, root_setting))
        origin = root / source.schema_name
        if origin.is_dir():
            shutil.copytree(
                origin, root / target.schema_name / MERGED_MEDIA_FOLDER / source.schema_name, dirs_exist_ok=True
            )


def request_merge(
    source_code: str,
    target_code: str,
    *,
    mode: str = ProvinceMergeRecord.Mode.SECTIONS,
    requested_by: str = "",
) -> ProvinceMergeRecord:
    """The merge job of `source_code` into `target_code`, (again) waiting for a run: `run_merge`, by the
    Celery worker (`tenants.tasks.run_merge_job`) or the command. A job that failed is queued again
    as it was and continues where it stopped."""
    if mode not in ProvinceMergeRecord.Mode.values:
        raise MergeError(f"Cách nhận nội dung «{mode}» không hợp lệ.")
    source, target = _province(source_code), _province(target_code)
    record = _check_merge(source, target)
    if record is None:
        return ProvinceMergeRecord.objects.create(
            source=source, target=target, mode=mode, source_name=str(source), requested_by=requested_by
        )
    if record.status == ProvinceMergeRecord.Status.RUNNING and is_running(record):
        raise MergeError(f"Việc sáp nhập {record} đang chạy; hãy theo dõi trang trạng thái.")
    if record.status != ProvinceMergeRecord.Status.SUCCEEDED:
        record.status, record.error, record.finished_at = ProvinceMergeRecord.Status.PENDING, "", None
        record.requested_by = requested_by or record.requested_by
        record.queued_at, record.resends = timezone.now(), 0
        record.save(update_fields=["status", "error", "finished_at", "requested_by", "queued_at", "resends"])
    return record


# What the log of a dry run ends with.
DRY_RUN_DONE = "Chạy thử: chưa thay đổi gì."


def request_dry_run(
    source_code: str,
    target_code: str,
    *,
    mode: str = ProvinceMergeRecord.Mode.SECTIONS,
    requested_by: str = "",
) -> MergeDryRun:
    """A dry-run job ("Chạy thử") of merging `source_code` into `target_code`, waiting for the worker
    (`tenants.tasks.run_merge_dry_run_job`); refused at once for what the merge itself would refuse."""
    if mode not in ProvinceMergeRecord.Mode.values:
        raise MergeError(f"Cách nhận nội dung «{mode}» không hợp lệ.")
    source, target = _province(source_code), _province(target_code)
    _check_merge(source, target)
    return MergeDryRun.objects.create(
        source=source, target=target, mode=mode, source_name=str(source), requested_by=requested_by
    )


def requeue_dry_run(job: MergeDryRun) -> MergeDryRun:
    """A finished dry run, waiting to run again (the content may have changed since)."""
    if job.status == MergeDryRun.Status.RUNNING and is_running(job):
        raise MergeError(f"Việc chạy thử {job} đang chạy; hãy theo dõi trang trạng thái.")
    job.status, job.error, job.log, job.finished_at = MergeDryRun.Status.PENDING, "", "", None
    job.queued_at, job.resends = timezone.now(), 0
    job.save(update_fields=["status", "error", "log", "finished_at", "queued_at", "resends"])
    return job


def run_dry_run(job_id: int) -> MergeDryRun:
    """Run the dry-run job `job_id`: the whole merge in one transaction rolled back; its log is what would
    move. A failure is recorded on the job (`error`, readable); nothing changes either way."""
    job = MergeDryRun.objects.select_related("source", "target").get(pk=job_id)
    if job.is_finished:
        return job
    with run_lock(job):
        job.status, job.error, job.log, job.finished_at = MergeDryRun.Status.RUNNING, "", "", None
        job.save(update_fields=["status", "error", "log", "finished_at"])
        try:
            result = merge_provinces(job.source.code, job.target.code, mode=job.mode, dry_run=True)
        except Exception as error:
            job.status = MergeDryRun.Status.FAILED
            job.error = str(error) if isinstance(error, MergeError) else f"{type(error).__name__}: {error}"
        else:
            job.status, job.log = MergeDryRun.Status.SUCCEEDED, "\n".join([*result.lines, DRY_RUN_DONE])
        job.finished_at = timezone.now()
        job.save(update_fields=["status", "error", "log", "finished_at"])
    return job


def merge_provinces(
    source_code: str,
    target_code: str,
    *,
    mode: str = ProvinceMergeRecord.Mode.SECTIONS,
    dry_run: bool = False,
    requested_by: str = "",
    report: Reporter = lambda line: None,
) -> MergeResult:
    """Move the province `source_code` into `target_code` now (the command); idempotent, each step all
    or nothing. A dry run is the same run in one transaction rolled back."""
    if not dry_run:
        record = request_merge(source_code, target_code, mode=mode, requested_by=requested_by)
        return run_merge(record.pk, report=report)
    with transaction.atomic():
        record = request_merge(source_code, target_code, mode=mode, requested_by=requested_by)
        result = MergeResult(record=None, dry_run=True)
        _run(record, result, _reporter(result, report), dry_run=True)
        transaction.set_rollback(True)
    return result


def run_merge(record_id: int, report: Reporter = lambda line: None) -> MergeResult:
    """Run the merge job `record_id`: each app's step in a transaction of its own, the switch of the
    domains and of the absorbed province's status in a last one. A failure is recorded on the job
    (`error`, readable) and raised as MergeError; running the job again continues where it stopped,
    because every step skips what an earlier run moved (`ProvinceMerge.moved`)."""
    record = ProvinceMergeRecord.objects.select_related("source", "target").get(pk=record_id)
    result = MergeResult(record=record, dry_run=False)
    if record.status == ProvinceMergeRecord.Status.SUCCEEDED:
        return result
    with run_lock(record):
        step = _reporter(result, report)
        try:
            _check_merge(record.source, record.target)
            record.status, record.error, record.finished_at = ProvinceMergeRecord.Status.RUNNING, "", None
            record.save(update_fields=["status", "error", "finished_at"])
            _run(record, result, step, dry_run=False)
        except Exception as error:
            record.status, record.finished_at = ProvinceMergeRecord.Status.FAILED, timezone.now()
            record.error = str(error) if isinstance(error, MergeError) else f"{type(error).__name__}: {error}"
            record.log = "\n".join(result.lines)
            record.save(update_fields=["status", "error", "finished_at", "log"])
            if isinstance(error, MergeError):
                raise
            raise MergeError(record.error) from error
    return result


def _reporter(result: MergeResult, report: Reporter) -> Reporter:
    def step(line: str) -> None:
        result.lines.append(line)
        report(line)

    return step


def _run(record: ProvinceMergeRecord, result: MergeResult, step: Reporter, *, dry_run: bool) -> None:
    source, target = record.source, record.target
    step(f"Sáp nhập: {record.source_name} → {target} ({'tiếp tục' if record.objects_moved.exists() else 'bắt đầu'})")
    if not dry_run:
        _copy_media(source, target)
    merge = ProvinceMerge(source=source, target=target, report=step, mode=record.mode, record=record)
    steps = hooks.get_hooks(MERGE_PROVINCES)
    for number, function in enumerate(steps, start=1):
        try:
            with transaction.atomic(), tenant_context(target):
                function(merge)
        except MergeError:
            raise
        except Exception as error:
            if dry_run:
                raise MergeError(
                    f"Bước {number}/{len(steps)} lỗi ({type(error).__name__}: {error}); chạy thử không thay đổi gì."
                ) from error
            raise MergeError(
                f"Bước {number}/{len(steps)} lỗi ({type(error).__name__}: {error}); bước này không thay đổi gì, "
                f"{number - 1} bước trước đã xong. Chạy lại để hoàn tất."
            ) from error
        ProvinceMergeRecord.objects.filter(pk=record.pk).update(log="\n".join(result.lines))
    with transaction.atomic():
        for domain in source.domains.all():
            domain.tenant, domain.is_primary, domain.redirects = target, False, True
            domain.save()
            step(f"Tên miền {domain.domain}: chuyển về {target}, chuyển hướng 301")
        source.status = Province.Status.MERGED
        source.save(update_fields=["status", "updated_at"])
        record.status = ProvinceMergeRecord.Status.SUCCEEDED
        record.merged_at = record.merged_at or timezone.now()
        record.finished_at = timezone.now()
        record.log = "\n".join(result.lines)
        record.save()


# The namespaces of the PostgreSQL advisory locks that keep one run per merge job and per dry-run job
# (the second key is the job's id).
RUN_LOCK_NAMESPACE = 18
DRY_RUN_LOCK_NAMESPACE = 19


def _lock_key(job: ProvinceMergeRecord | MergeDryRun) -> list[int]:
    return [DRY_RUN_LOCK_NAMESPACE if isinstance(job, MergeDryRun) else RUN_LOCK_NAMESPACE, job.pk]


@contextmanager
def run_lock(record: ProvinceMergeRecord | MergeDryRun):
    """One run of a merge (or of a dry run) at a time: a task delivered twice (acks_late), or the command
    run while the worker runs it, finds the lock taken and stops. A session lock: the per-step commits
    keep it."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", _lock_key(record))
        if not cursor.fetchone()[0]:
            kind = "chạy thử" if isinstance(record, MergeDryRun) else "sáp nhập"
            raise MergeRunning(f"Việc {kind} {record} đang chạy ở một tiến trình khác.")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s, %s)", _lock_key(record))


def is_running(record: ProvinceMergeRecord | MergeDryRun) -> bool:
    """Whether a run of `record` holds its lock now (a job left "running" by a dead worker does not)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND classid = %s AND objid = %s)",
            _lock_key(record),
        )
        return cursor.fetchone()[0]


def stalled_merge_jobs() -> tuple[list[int], list[int]]:
    """The merge jobs and dry-run jobs still waiting long after they were sent (their message lost
    before any worker took it), to send again; past the cap, failed with a reason the centre reads.
    Only waiting ones: a merge left running by a dead worker is redelivered by Celery (acks_late) or
    run again from its status page."""
    options = {
        "statuses": [ProvinceMergeRecord.Status.PENDING],
        "resend_seconds": settings.MERGE_RESEND_SECONDS,
        "max_resends": settings.MERGE_MAX_RESENDS,
        "give_up": "Chưa có tiến trình nào nhận việc sau {resends} lần gửi lại; hãy kiểm tra hàng đợi rồi chạy lại.",
    }
    return stalled_jobs(ProvinceMergeRecord, **options), stalled_jobs(MergeDryRun, **options)


def remove_merged_schema(source_code: str, report: Reporter = lambda line: None) -> ProvinceMergeRecord:
    """The second confirmation: back the absorbed schema up, drop it, then remove its media folders."""
    source = _province(source_code)
    record = ProvinceMergeRecord.objects.filter(source=source, merged_at__isnull=False).first()
    if record is None:
        raise MergeError(f"{source} chưa được sáp nhập; không xoá schema.")
    if record.schema_removed_at:
        report(f"Schema «{source.schema_name}»: đã xoá ngày {record.schema_removed_at:%d/%m/%Y}")
        return record
    backup = backup_province(source.code)
    report(f"Sao lưu: {backup.path}")
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(f'DROP SCHEMA IF EXISTS "{source.schema_name}" CASCADE')
        record.backup_path, record.schema_removed_at = str(backup.path), timezone.now()
        record.save(update_fields=["backup_path", "schema_removed_at"])
        transaction.on_commit(lambda: _remove_media(source.schema_name))
    report(f"Schema «{source.schema_name}»: đã xoá")
    return record


def _remove_media(schema_name: str) -> None:
    for storage, root_setting in media_storages().values():
        if uses_folders(storage):
            shutil.rmtree(Path(getattr(settings, root_setting)) / schema_name, ignore_errors=True)
        else:
            with schema_context(schema_name):
                delete_tree(storage)


def rename_province(
    code: str,
    *,
    name: str = "",
    short_name: str = "",
    office_name: str = "",
    new_code: str = "",
    slug: str = "",
    domains: list[str] | None = None,
    report: Reporter = lambda line: None,
) -> Province:
    """Đổi tên: new names, code, slug or domains; the old domains stay as 301s to the new primary one.

    The schema keeps its name: it is never seen by a visitor, and renaming it would break backups
    and tasks queued under the old name.
    """
    province = _province(code)
    if province.status == Province.Status.MERGED:
        raise MergeError(f"{province} đã được sáp nhập; không đổi tên.")
    new_code, slug = new_code.strip(), slug.strip().lower()
    if new_code and Province.objects.filter(code=new_code).exclude(pk=province.pk).exists():
        raise MergeError(f"Mã «{new_code}» đã là của tỉnh khác.")
    if slug and Province.objects.filter(slug=slug).exclude(pk=province.pk).exists():
        raise MergeError(f"Slug «{slug}» đã là của tỉnh khác.")
    hosts = list(dict.fromkeys(normalise_host(host) for host in domains or [] if host.strip()))
    for host in hosts:
        if len(host) > 253 or not HOST_NAME_RE.match(host):
            raise MergeError(f"Tên miền «{host}» không hợp lệ.")
        taken = Domain.objects.filter(domain=host).exclude(tenant=province).select_related("tenant").first()
        if taken:
            raise MergeError(f"Tên miền «{host}» đã được dùng cho {taken.tenant}.")

    with transaction.atomic():
        for attribute, value in (
            ("name", name),
            ("short_name", short_name),
            ("office_name", office_name),
            ("code", new_code),
            ("slug", slug),
        ):
            if value and getattr(province, attribute) != value:
                report(f"{Province._meta.get_field(attribute).verbose_name}: {getattr(province, attribute)} → {value}")
                setattr(province, attribute, value)
        province.save()
        if hosts:
            _replace_domains(province, hosts, report)
        with tenant_context(province):
            root = Site.objects.filter(is_default_site=True).values_list("root_page", flat=True).first()
            if root:
                ensure_default_site(Page.objects.get(pk=root), province, report)
    return province


def _replace_domains(province: Province, hosts: list[str], report: Reporter) -> None:
    """`hosts` serve the province (the first is primary); every other host of it now redirects."""
    for host in province.domains.exclude(domain__in=hosts):
        host.is_primary, host.redirects = False, True
        host.save()
        report(f"Tên miền {host.domain}: tên miền cũ, chuyển hướng 301")
    for index, host in enumerate(hosts):
        _, created = Domain.objects.update_or_create(
            domain=host, defaults={"tenant": province, "is_primary": index == 0, "redirects": False}
        )
        report(f"Tên miền {host}: {'thêm mới' if created else 'giữ'}{' (chính)' if index == 0 else ''}")
