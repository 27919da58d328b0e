"""Starting, resuming and finishing an import run (its row is in the public schema)."""

from __future__ import annotations

from django.utils import timezone
from django_tenants.utils import tenant_context

from tenants.models import Domain, Province
from tenants.services import HOST_NAME_RE, normalise_host

from ..runs.models import ImportRun
from ..sources import Unavailable, open_source
from .common import Reporter
from .crawl import PortalImporter


class ImportRefused(Exception):
    """A run that cannot start (bad source, a domain of another province); the message says why."""


def request_run(
    province: Province,
    source: str,
    *,
    base_url: str = "",
    old_domain: str = "",
    delay_seconds: float = 1.0,
    requested_by: str = "",
) -> tuple[ImportRun, bool]:
    """The unfinished run of this province and source (to resume it), or a new one; and whether it is new."""
    unfinished = (
        ImportRun.objects.filter(province=province, source=source)
        .exclude(status__in=[ImportRun.Status.FINISHED, ImportRun.Status.FAILED])
        .first()
    )
    if unfinished:
        return unfinished, False
    run = ImportRun.objects.create(
        province=province,
        source=source,
        base_url=base_url,
        old_domain=normalise_host(old_domain),
        delay_seconds=delay_seconds,
        requested_by=requested_by,
    )
    return run, True


def attach_old_domain(run: ImportRun) -> None:
    """Make the old domain a domain of the province, so its URLs reach the redirects once it points here."""
    if not run.old_domain:
        return
    if len(run.old_domain) > 253 or not HOST_NAME_RE.match(run.old_domain):
        raise ImportRefused(f"Tên miền cũ «{run.old_domain}» không hợp lệ.")
    domain, _ = Domain.objects.get_or_create(
        domain=run.old_domain, defaults={"tenant": run.province, "is_primary": False}
    )
    if domain.tenant_id != run.province_id:
        raise ImportRefused(f"Tên miền {run.old_domain} đã thuộc {domain.tenant}.")


def run_import(run: ImportRun, report: Reporter = lambda line: None) -> ImportRun:
    """Carry out (or resume) `run` in its province's schema; the run ends with its report filled in."""
    run.status, run.started_at, run.error = ImportRun.Status.RUNNING, run.started_at or timezone.now(), ""
    run.save(update_fields=["status", "started_at", "error"])
    try:
        with tenant_context(run.province):
            attach_old_domain(run)
            try:
                source = open_source(run.source, base_url=run.base_url, delay=run.delay_seconds)
            except Unavailable as error:
                raise ImportRefused(str(error)) from error
            PortalImporter(run, source, report).import_all()
        run.status = ImportRun.Status.FINISHED
    except ImportRefused as error:
        run.status, run.error = ImportRun.Status.FAILED, str(error)
        report(str(error))
    except Exception as error:
        run.status, run.error = ImportRun.Status.FAILED, f"{type(error).__name__}: {error}"
        raise
    finally:
        run.finished_at = timezone.now()
        run.save()
    return run
