"""Running the checklist on a province's site and recording the result in the public schema.

The checks run inside the province's schema (`tenant_context`), as the reporting figures do;
what they find is copied into public-schema rows. The centre's nightly run and a board's
"check again" button go through the same `request_run()` and `run_checks()`.
"""

from __future__ import annotations

import datetime
import logging

from django.db import transaction
from django.utils import timezone
from django_tenants.utils import get_public_schema_name, schema_context, tenant_context

from tenants.models import Province

from .checklists import Checklist, checklist_in_force
from .checks import REGISTRY, Outcome
from .measures import measure_site
from .models import CheckResult, ComplianceRun

logger = logging.getLogger(__name__)

OPEN_STATUSES = (ComplianceRun.Status.PENDING, ComplianceRun.Status.RUNNING)
# A run still open after this long was lost (a worker stopped); it no longer blocks a new one.
STALE_AFTER = datetime.timedelta(hours=6)


def request_run(province: Province, by: str = "hệ thống") -> ComplianceRun:
    """Queue a run for `province`, or return the one already waiting or running."""
    from .tasks import run_compliance_task

    with schema_context(get_public_schema_name()), transaction.atomic():
        Province.objects.select_for_update().get(pk=province.pk)  # one open run per province
        open_runs = ComplianceRun.objects.filter(province=province, status__in=OPEN_STATUSES)
        open_runs.filter(created_at__lt=timezone.now() - STALE_AFTER).update(
            status=ComplianceRun.Status.FAILED, error="Quá thời gian chờ.", finished_at=timezone.now()
        )
        run = open_runs.first()
        if run is None:
            run = ComplianceRun.objects.create(province=province, requested_by=by)
            transaction.on_commit(lambda: run_compliance_task.delay(run.pk))
    return run


def evaluate(checklist: Checklist) -> list[Outcome]:
    """Every item's outcome on the current schema's site; a check that breaks fails its item only."""
    outcomes = []
    for item in checklist.items:
        try:
            outcomes.append(REGISTRY[item.check](item.params))
        except Exception:
            logger.exception("compliance check %s failed", item.key)
            outcomes.append(Outcome(False, "Không kiểm tra được mục này; kỹ thuật viên đã được ghi nhận lỗi."))
    return outcomes


def run_checks(run: ComplianceRun) -> ComplianceRun:
    """Evaluate the run's province against the checklist in force today and record the results."""
    with schema_context(get_public_schema_name()):
        checklist = checklist_in_force(timezone.localdate())
        run.status, run.checklist_version = ComplianceRun.Status.RUNNING, checklist.version
        run.save(update_fields=["status", "checklist_version"])
        try:
            with tenant_context(run.province):
                outcomes = evaluate(checklist)
                metrics = measure_site()
        except Exception as error:
            run.status, run.error, run.finished_at = ComplianceRun.Status.FAILED, str(error), timezone.now()
            run.save(update_fields=["status", "error", "finished_at"])
            raise
        with transaction.atomic():
            CheckResult.objects.filter(run=run).delete()
            CheckResult.objects.bulk_create(
                CheckResult(
                    run=run,
                    position=position,
                    key=item.key,
                    label=item.label,
                    legal_basis=item.legal_basis,
                    severity=item.severity,
                    weight=item.weight,
                    hint=item.hint,
                    passed=outcome.passed,
                    detail=outcome.detail,
                    failures=[{"label": failure.label, "url": failure.url} for failure in outcome.failures],
                )
                for position, (item, outcome) in enumerate(zip(checklist.items, outcomes, strict=True))
            )
            total = sum(item.weight for item in checklist.items)
            earned = sum(item.weight for item, outcome in zip(checklist.items, outcomes, strict=True) if outcome.passed)
            run.score = round(100 * earned / total, 1) if total else None
            run.passed_count = sum(outcome.passed for outcome in outcomes)
            run.item_count = len(outcomes)
            run.metrics = metrics
            run.status, run.finished_at, run.error = ComplianceRun.Status.DONE, timezone.now(), ""
            run.save()
    return run
