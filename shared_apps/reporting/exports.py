"""Exports: one province's report as an official-style Word document; the all-province table as XLSX."""

from __future__ import annotations

from io import BytesIO

from django.utils import timezone
from django.utils.formats import number_format
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from openpyxl import Workbook
from openpyxl.styles import Font

from .figures import FIGURE_LABELS
from .models import ActivityReport, AdHocRequest
from .selectors import ComparisonRow

NO_REPORT = "Chưa có báo cáo"
NOT_DUE = "Chưa hoạt động trong kỳ"


def _figure_text(value) -> str:
    return "–" if value is None else number_format(value, use_l10n=True, force_grouping=True)


def report_docx(report: ActivityReport) -> bytes:
    document = Document()
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(13)
    header = document.add_table(rows=1, cols=2)
    left, right = header.rows[0].cells
    left.text = f"BẢO HIỂM XÃ HỘI VIỆT NAM\n{report.province.office_name.upper()}"
    right.text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    for cell in (left, right):
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(f"BÁO CÁO\nHoạt động trang thông tin điện tử {report.period_label.lower()}")
    run.bold = True
    document.add_paragraph("Kính gửi: Ban Tuyên truyền và Hỗ trợ người tham gia, Bảo hiểm xã hội Việt Nam")
    document.add_heading("I. Số liệu hoạt động", level=2)
    table = document.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Chỉ tiêu", "Số liệu"
    for key, label in FIGURE_LABELS.items():
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, _figure_text(report.figures.get(key))
    for name, count in (report.figures.get("news_by_category") or {}).items():
        cells = table.add_row().cells
        cells[0].text, cells[1].text = f"   – Chuyên mục {name}", str(count)
    document.add_heading("II. Đánh giá hoạt động trong kỳ", level=2)
    document.add_paragraph(report.narrative or "(chưa có)")
    document.add_heading("III. Kế hoạch kỳ tới", level=2)
    document.add_paragraph(report.next_plan or "(chưa có)")
    title = report.signer_title.upper() if report.signer_title else ""
    signature = document.add_paragraph(f"\nTM. BAN BIÊN TẬP\n{title}\n\n\n{report.signer_name or report.submitted_by}")
    signature.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def comparison_xlsx(rows: list[ComparisonRow], title: str, totals: dict) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Tổng hợp"
    sheet.append([title])
    sheet.append(["Mã", "Tỉnh, thành phố", "Trạng thái", *FIGURE_LABELS.values()])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in rows:
        status = row.report.get_status_display() if row.report else NO_REPORT if row.expected else NOT_DUE
        sheet.append(
            [
                row.province.code,
                row.province.short_name,
                status,
                *[row.figure(key) if row.submitted else None for key in FIGURE_LABELS],
            ]
        )
    sheet.append(["", "TỔNG", "", *[totals.get(key) for key in FIGURE_LABELS]])
    sheet.cell(row=sheet.max_row, column=2).font = Font(bold=True)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def adhoc_answers_xlsx(adhoc: AdHocRequest, rows: list) -> bytes:
    """Every asked province's answers to an ad-hoc request, one row each; unanswered ones say so."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Trả lời"
    sheet.append([adhoc.subject])
    sheet.append([f"Hạn trả lời: {adhoc.deadline:%d/%m/%Y}"])
    questions = adhoc.question_list()
    sheet.append(["Tỉnh, thành phố", "Gửi lúc", "Người gửi", *questions])
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for province, answer in rows:
        if answer is None:
            sheet.append([province.short_name, "Chưa trả lời"])
            continue
        sent = timezone.localtime(answer.submitted_at).strftime("%d/%m/%Y %H:%M")
        sheet.append([province.short_name, sent, answer.submitted_by, *answer.answers])
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
