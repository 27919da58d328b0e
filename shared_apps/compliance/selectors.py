"""Read queries for the scorecard: every province side by side, history per month, what to fix first."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from tenants.models import Province
from tenants.selectors import provinces_with_domains

from .measures import METRIC_LABELS
from .models import CheckResult, ComplianceRun

HISTORY_MONTHS = 12
SORTABLE = {"tinh", "diem", *METRIC_LABELS}


def finished_runs() -> QuerySet[ComplianceRun]:
    return ComplianceRun.objects.filter(status=ComplianceRun.Status.DONE)


def latest_run(province: Province) -> ComplianceRun | None:
    return finished_runs().filter(province=province).order_by("-finished_at").first()


def open_run(province: Province) -> ComplianceRun | None:
    return (
        ComplianceRun.objects.filter(
            province=province, status__in=(ComplianceRun.Status.PENDING, ComplianceRun.Status.RUNNING)
        )
        .order_by("-created_at")
        .first()
    )


@dataclass
class ScoreRow:
    province: Province
    run: ComplianceRun | None

    def value(self, key: str):
        if self.run is None:
            return None
        return self.run.score if key == "diem" else self.run.metrics.get(key)


def provinces_side_by_side(sort: str = "tinh", descending: bool = False) -> list[ScoreRow]:
    """Each province with its latest finished run; sorted by province code, score or a measure.
    Provinces without a value stay last in either direction."""
    latest = {
        run.province_id: run for run in finished_runs().order_by("province_id", "-finished_at").distinct("province_id")
    }
    rows = [ScoreRow(province, latest.get(province.pk)) for province in provinces_with_domains()]
    if sort in SORTABLE - {"tinh"}:
        present = [row for row in rows if row.value(sort) is not None]
        present.sort(key=lambda row: row.value(sort), reverse=descending)
        return present + [row for row in rows if row.value(sort) is None]
    return sorted(rows, key=lambda row: row.province.code, reverse=descending)


def _month_starts(months: int, today: datetime.date) -> list[datetime.date]:
    first = today.replace(day=1)
    starts = []
    for _ in range(months):
        starts.append(first)
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    return list(reversed(starts))


def monthly_scores(months: int = HISTORY_MONTHS, province: Province | None = None):
    """(month starts, {province_id: {month start: score of the month's last finished run}})."""
    starts = _month_starts(months, timezone.localdate())
    runs = finished_runs().filter(finished_at__date__gte=starts[0]).order_by("finished_at")
    if province is not None:
        runs = runs.filter(province=province)
    history: dict[int, dict[datetime.date, float]] = {}
    for province_id, finished_at, score in runs.values_list("province_id", "finished_at", "score"):
        history.setdefault(province_id, {})[timezone.localdate(finished_at).replace(day=1)] = score
    return starts, history


def results_to_fix_first(run: ComplianceRun) -> list[CheckResult]:
    """The run's failed items, most severe and heaviest first."""
    failed = [result for result in run.results.all() if not result.passed]
    return sorted(failed, key=lambda r: (r.severity_rank, -r.weight, r.position))
