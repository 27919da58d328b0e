"""Sáp nhập và đổi tên tỉnh — merge one province into another, rename a province.

The kernel orchestrates; each app moves its own content through the steps it registers for
`tenants.steps.MERGE_PROVINCES` (docs/decisions.md, Merging provinces). A merge is:

1. before the transaction, the absorbed province's media folder is copied into the receiving one's
   (`<target>/sap-nhap/<source>/`; copying again overwrites, so a re-run is safe);
2. one transaction: the apps' steps (in the receiving schema), the absorbed domains moved to the
   receiving province as redirecting hosts, the absorbed Province marked "merged";
3. later, on a second confirmation, `remove_merged_schema()` backs the absorbed schema up, drops it
   and, after the commit, removes its media folders.

A dry run is the same transaction rolled back, so it shows exactly what would move.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django_tenants.utils import schema_exists, tenant_context
from wagtail.models import Page, Site

from .backups import backup_province
from .models import Domain, Province, ProvinceMergeRecord
from .services import HOST_NAME_RE, ensure_default_site, normalise_host
from .steps import MERGE_PROVINCES, MERGED_MEDIA_FOLDER, ProvinceMerge, Reporter, run_steps


class MergeError(Exception):
    """A merge or rename refused; the message is one line, in Vietnamese, for the operator."""


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
        raise MergeError(f"{source} đã được sáp nhập vào {record.target}.")
    if record and record.schema_removed_at:
        raise MergeError(f"{source} đã được sáp nhập và xoá schema ngày {record.schema_removed_at:%d/%m/%Y}.")
    for province in (source, target):
        if not schema_exists(province.schema_name):
            raise MergeError(f"Schema «{province.schema_name}» của {province} không tồn tại.")
    return record


def _copy_media(source: Province, target: Province) -> None:
    """The absorbed media folder, copied under the receiving one; the originals go with the schema."""
    origin = Path(settings.MEDIA_ROOT) / source.schema_name
    if origin.is_dir():
        shutil.copytree(
            origin,
            Path(settings.MEDIA_ROOT) / target.schema_name / MERGED_MEDIA_FOLDER / source.schema_name,
            dirs_exist_ok=True,
        )


def merge_provinces(
    source_code: str,
    target_code: str,
    *,
    mode: str = ProvinceMergeRecord.Mode.SECTIONS,
    dry_run: bool = False,
    requested_by: str = "",
    report: Reporter = lambda line: None,
) -> MergeResult:
    """Move the province `source_code` into `target_code`; idempotent, all or nothing."""
    if mode not in ProvinceMergeRecord.Mode.values:
        raise MergeError(f"Cách nhận nội dung «{mode}» không hợp lệ.")
    source, target = _province(source_code), _province(target_code)
    _check_merge(source, target)
    result = MergeResult(record=None, dry_run=dry_run)

    def step(line: str) -> None:
        result.lines.append(line)
        report(line)

    if not dry_run:
        _copy_media(source, target)
    with transaction.atomic():
        record, created = ProvinceMergeRecord.objects.get_or_create(
            source=source,
            defaults={"target": target, "mode": mode, "source_name": str(source), "requested_by": requested_by},
        )
        step(f"Sáp nhập: {record.source_name} → {target} ({'bắt đầu' if created else 'tiếp tục'})")
        merge = ProvinceMerge(source=source, target=target, report=step, mode=record.mode, record=record)
        with tenant_context(target):
            run_steps(MERGE_PROVINCES, merge)
        for domain in source.domains.all():
            domain.tenant, domain.is_primary, domain.redirects = target, False, True
            domain.save()
            step(f"Tên miền {domain.domain}: chuyển về {target}, chuyển hướng 301")
        source.status = Province.Status.MERGED
        source.save(update_fields=["status", "updated_at"])
        record.merged_at = record.merged_at or timezone.now()
        record.log = "\n".join(result.lines)
        record.save()
        if dry_run:
            transaction.set_rollback(True)
        else:
            result.record = record
    return result


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
    for root in (settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT):
        shutil.rmtree(Path(root) / schema_name, ignore_errors=True)


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
