"""The centre's XLSX: the latest scorecard, each province's items, and the score per month."""

from __future__ import annotations

from io import BytesIO

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from .measures import METRIC_LABELS
from .models import CheckResult
from .selectors import ScoreRow, monthly_scores


def _bold_row(sheet, row: int) -> None:
    for cell in sheet[row]:
        cell.font = Font(bold=True)


def scorecard_xlsx(rows: list[ScoreRow]) -> bytes:
    workbook = Workbook()
    summary = workbook.active
    summary.title = "Tổng hợp"
    summary.append([f"Đánh giá tuân thủ, xuất lúc {timezone.localtime():%H:%M %d/%m/%Y}"])
    summary.append(
        [
            "Mã",
            "Tỉnh, thành phố",
            "Điểm (%)",
            "Số mục đạt",
            "Số mục",
            "Danh mục",
            "Đánh giá lúc",
            *METRIC_LABELS.values(),
        ]
    )
    _bold_row(summary, 2)
    for row in rows:
        run = row.run
        summary.append(
            [
                row.province.code,
                row.province.short_name,
                run.score if run else None,
                run.passed_count if run else None,
                run.item_count if run else None,
                run.checklist_version if run else "Chưa đánh giá",
                timezone.localtime(run.finished_at).strftime("%d/%m/%Y %H:%M") if run else None,
                *[row.value(key) for key in METRIC_LABELS],
            ]
        )

    items = workbook.create_sheet("Chi tiết")
    results = CheckResult.objects.filter(run__in=[row.run for row in rows if row.run]).order_by("run", "position")
    by_run: dict[int, list[CheckResult]] = {}
    for result in results:
        by_run.setdefault(result.run_id, []).append(result)
    labels = list(dict.fromkeys(result.label for result in results))
    items.append(["Tỉnh, thành phố", *labels])
    _bold_row(items, 1)
    for row in rows:
        if row.run is None:
            continue
        passed = {result.label: result.passed for result in by_run.get(row.run.pk, [])}
        items.append([row.province.short_name, *[_mark(passed.get(label)) for label in labels]])

    history = workbook.create_sheet("Theo tháng")
    months, scores = monthly_scores()
    history.append(["Tỉnh, thành phố", *[f"{month:%m/%Y}" for month in months]])
    _bold_row(history, 1)
    for row in rows:
        history.append([row.province.short_name, *[scores.get(row.province.pk, {}).get(month) for month in months]])
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _mark(passed: bool | None) -> str:
    return "" if passed is None else "Đạt" if passed else "Chưa đạt"
