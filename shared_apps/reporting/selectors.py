"""Read queries for the centre: every province side by side for one period."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from tenants.models import Province
from tenants.selectors import provinces_with_domains

from .figures import FIGURE_LABELS, combine_figures
from .models import ActivityReport, ReportStatus

SORTABLE = {"tinh": "province", **{key: key for key in FIGURE_LABELS}}


@dataclass
class ComparisonRow:
    province: Province
    report: ActivityReport | None
    # False for a province onboarded after the period ended: it owes no report for it.
    expected: bool = True

    @property
    def submitted(self) -> bool:
        return self.report is not None and self.report.status in (ReportStatus.SUBMITTED, ReportStatus.ACCEPTED)

    def figure(self, key: str):
        return self.report.figures.get(key) if self.report else None


def provinces_side_by_side(
    year: int, quarter: int, sort: str = "tinh", descending: bool = False
) -> list[ComparisonRow]:
    reports = {r.province_id: r for r in ActivityReport.objects.filter(year=year, quarter=quarter)}
    period_end = ActivityReport(year=year, quarter=quarter).period[1]
    rows = [
        ComparisonRow(p, reports.get(p.pk), expected=timezone.localtime(p.created_at).date() <= period_end)
        for p in provinces_with_domains()
    ]
    if sort in FIGURE_LABELS:
        rows.sort(key=lambda row: (row.figure(sort) is None, row.figure(sort) or 0), reverse=descending)
        if descending:  # keep the empty ones last either way
            rows.sort(key=lambda row: row.figure(sort) is None)
    else:
        rows.sort(key=lambda row: row.province.code, reverse=descending)
    return rows


def totals(rows: list[ComparisonRow]) -> dict:
    """The total row: the submitted reports' figures combined (ratios from their counts)."""
    return combine_figures([row.report.figures for row in rows if row.submitted])
