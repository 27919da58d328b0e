"""Bảng kê nhuận bút as an XLSX workbook (openpyxl)."""

from __future__ import annotations

import datetime
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font

from .selectors import StatementLine

HEADERS = [
    "Họ và tên",
    "Bài/tác phẩm",
    "Ngày đăng",
    "Đóng góp",
    "Nhóm thể loại",
    "Hệ số",
    "Tỷ lệ (%)",
    "Thành tiền (VND)",
    "Trạng thái",
    "Hạn chi trả",
]


def royalty_statement_xlsx(
    lines: list[StatementLine], start: datetime.date, end: datetime.date, office_name: str
) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Bảng kê nhuận bút"
    sheet.append([f"BẢNG KÊ NHUẬN BÚT – {office_name.upper()}"])
    sheet.append([f"Tin, bài đăng từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}"])
    sheet.append([])
    sheet.append(HEADERS)
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    grand_total = 0
    for line in lines:
        for item in line.items:
            sheet.append(
                [
                    line.person,
                    item.page.title,
                    item.published_on.strftime("%d/%m/%Y") if item.published_on else "",
                    item.get_kind_display(),
                    item.get_genre_display(),
                    float(item.coefficient),
                    item.adjustment_percent,
                    int(item.amount),
                    item.get_status_display(),
                    item.due_on.strftime("%d/%m/%Y") if item.due_on else "",
                ]
            )
        sheet.append([f"Cộng: {line.person}", "", "", "", "", "", "", int(line.total)])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
        grand_total += int(line.total)
    sheet.append(["TỔNG CỘNG", "", "", "", "", "", "", grand_total])
    sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
    for column, width in zip("ABCDEFGHIJ", (26, 50, 12, 16, 28, 8, 10, 16, 14, 12), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
