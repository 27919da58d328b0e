"""Blank forms (mẫu tờ khai) the demo procedures offer for download, as real Word documents."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

TK1_TS_TITLE = "Mẫu TK1-TS: Tờ khai tham gia, điều chỉnh thông tin BHXH, BHYT"
TK1_TS_FIELDS = [
    "[01]. Họ và tên (viết chữ in hoa):",
    "[02]. Ngày, tháng, năm sinh:",
    "[03]. Giới tính:",
    "[04]. Quốc tịch:",
    "[05]. Dân tộc:",
    "[06]. Số căn cước công dân / định danh cá nhân:",
    "[07]. Điện thoại liên hệ:",
    "[08]. Mã số BHXH (nếu đã có):",
    "[09]. Địa chỉ nhận kết quả:",
    "[10]. Mức tiền đóng (đối với người tham gia BHXH tự nguyện):",
    "[11]. Phương thức đóng:",
    "[12]. Nơi đăng ký khám bệnh, chữa bệnh ban đầu:",
]


def tk1_ts_docx() -> bytes:
    """Tờ khai TK1-TS (QĐ 3510/QĐ-BHXH, QĐ 505/QĐ-BHXH) with its headings and blank lines to fill in."""
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    for text, bold in (("BẢO HIỂM XÃ HỘI VIỆT NAM", True), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True)):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(text).bold = bold
    motto = document.add_paragraph("Độc lập - Tự do - Hạnh phúc")
    motto.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_heading("TỜ KHAI THAM GIA, ĐIỀU CHỈNH THÔNG TIN BẢO HIỂM XÃ HỘI, BẢO HIỂM Y TẾ", level=1)
    document.add_paragraph("Mẫu TK1-TS. Dành cho người tham gia; điền bằng chữ in hoặc viết tay rõ ràng.")
    document.add_heading("I. Người tham gia chưa có mã số BHXH hoặc thay đổi thông tin", level=2)
    for label in TK1_TS_FIELDS:
        document.add_paragraph(f"{label} " + "." * 60)
    document.add_heading("II. Thay đổi thông tin", level=2)
    table = document.add_table(rows=4, cols=4)
    table.style = "Table Grid"
    for cell, heading in zip(table.rows[0].cells, ("STT", "Nội dung thay đổi", "Cũ", "Mới"), strict=True):
        cell.text = heading
    document.add_paragraph("Tôi cam đoan những nội dung kê khai là đúng và chịu trách nhiệm trước pháp luật.")
    signature = document.add_paragraph("Ngày ..... tháng ..... năm ........\nNgười kê khai\n(Ký, ghi rõ họ tên)")
    signature.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
