"""The centre's delivery matrix as XLSX: one row per national item, one column per province."""

from __future__ import annotations

from io import BytesIO

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from .models import Delivery
from .selectors import DeliveryMatrix, MatrixCell


def cell_text(cell: MatrixCell) -> str:
    """What a matrix cell says, in words: delivery state, then placed, acknowledged, overdue."""
    delivery = cell.delivery
    if delivery is None:
        return "Chưa gửi" if cell.targeted else "Không gửi"
    if delivery.status == Delivery.Status.PENDING:
        parts = ["Chờ quá hạn" if cell.overdue else "Đang chờ"]
    elif delivery.status == Delivery.Status.DELIVERED and delivery.awaiting_approval:
        parts = ["Chờ duyệt"]
    elif delivery.status == Delivery.Status.FAILED:
        parts = [f"Lỗi ({delivery.attempts})"]
    else:
        parts = [delivery.get_status_display()]
    receipt = cell.receipt
    if receipt and receipt.placed_at:
        parts.append(f"Đã đặt: {receipt.placement}")
    if receipt and receipt.acknowledged_at:
        parts.append(f"Đã tiếp nhận {timezone.localtime(receipt.acknowledged_at):%d/%m/%Y}")
    if cell.carry_overdue:
        parts.append("Quá hạn bắt buộc đăng")
    return "; ".join(parts)


def delivery_matrix_xlsx(matrix: DeliveryMatrix) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Phân phối"
    sheet.append([f"Phân phối tin toàn ngành, xuất lúc {timezone.localtime():%H:%M %d/%m/%Y}"])
    sheet.append(["Tin, văn bản", "Loại", "Đăng lúc", "Bắt buộc đăng", *(p.short_name for p in matrix.provinces)])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in matrix.rows:
        item, order = row.item, row.distribution
        published = (
            timezone.localtime(item.last_published_at).strftime("%d/%m/%Y %H:%M") if item.last_published_at else ""
        )
        carry = f"{order.carry_from:%d/%m/%Y} – {order.carry_until:%d/%m/%Y}" if order and order.must_carry else "Không"
        sheet.append([item.title, item.get_kind_display(), published or "", carry, *(cell_text(c) for c in row.cells)])
    output = BytesIO()
    workbook.save(output)
    return output.getvalue()
