"""Văn bản: national laws and decrees on social and health insurance, and the office's own documents."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.html import escape

from tenant_apps.documents.models import (
    DocumentField,
    DocumentIndexPage,
    DocumentStatus,
    DocumentType,
    LegalDocumentAttachment,
    LegalDocumentPage,
)
from tenant_apps.pages.slugs import vietnamese_slug

from .common import Context, Tally, publish_child, set_intro_once
from .media import OfficialText, document_pdf, ensure_document

INDEX_INTRO = (
    "<p>Văn bản quy phạm pháp luật về bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp và văn bản chỉ đạo, "
    "điều hành của {office}. Tìm theo số, ký hiệu, loại văn bản, cơ quan ban hành hoặc năm ban hành.</p>"
)
# Documents whose first page carries a name line ("LUẬT", "NGHỊ ĐỊNH", …) above the summary.
NAMED_TYPES = {DocumentType.LAW, DocumentType.DECREE, DocumentType.DECISION, DocumentType.PLAN, DocumentType.NOTICE}


@dataclass(frozen=True)
class LegalDocument:
    number: str
    doc_type: DocumentType
    title: str
    summary: str  # trích yếu
    issuer: str
    signer: str
    signer_title: str
    signed: date
    effective: date | None
    field: DocumentField
    paragraphs: tuple[str, ...]
    status: DocumentStatus = DocumentStatus.IN_FORCE
    replaces: tuple[str, ...] = ()  # numbers of documents listed before this one


NATIONAL_ASSEMBLY_CHAIR = "Chủ tịch Quốc hội"
DEPUTY_PRIME_MINISTER = "TM. Chính phủ\nKT. Thủ tướng\nPhó Thủ tướng"

NATIONAL_DOCUMENTS = (
    LegalDocument(
        number="25/2008/QH12",
        doc_type=DocumentType.LAW,
        title="Luật Bảo hiểm y tế số 25/2008/QH12",
        summary="Luật Bảo hiểm y tế",
        issuer="Quốc hội",
        signer="Nguyễn Phú Trọng",
        signer_title=NATIONAL_ASSEMBLY_CHAIR,
        signed=date(2008, 11, 14),
        effective=date(2009, 7, 1),
        field=DocumentField.HEALTH,
        paragraphs=(
            "Luật quy định về chế độ, chính sách bảo hiểm y tế: đối tượng, mức đóng, trách nhiệm và phương thức "
            "đóng; thẻ bảo hiểm y tế; phạm vi được hưởng; tổ chức khám bệnh, chữa bệnh cho người tham gia; thanh "
            "toán, quyết toán chi phí khám bệnh, chữa bệnh; quỹ bảo hiểm y tế; quyền và trách nhiệm của các bên.",
            "Luật đã được sửa đổi, bổ sung bởi Luật số 46/2014/QH13 và Luật số 51/2024/QH15.",
        ),
    ),
    LegalDocument(
        number="58/2014/QH13",
        doc_type=DocumentType.LAW,
        title="Luật Bảo hiểm xã hội số 58/2014/QH13",
        summary="Luật Bảo hiểm xã hội",
        issuer="Quốc hội",
        signer="Nguyễn Sinh Hùng",
        signer_title=NATIONAL_ASSEMBLY_CHAIR,
        signed=date(2014, 11, 20),
        effective=date(2016, 1, 1),
        field=DocumentField.SOCIAL,
        status=DocumentStatus.REPLACED,
        paragraphs=(
            "Luật quy định chế độ, chính sách bảo hiểm xã hội; quyền và trách nhiệm của người lao động, người sử "
            "dụng lao động, cơ quan, tổ chức, cá nhân có liên quan; cơ quan bảo hiểm xã hội; quỹ bảo hiểm xã hội; "
            "thủ tục thực hiện và quản lý nhà nước về bảo hiểm xã hội.",
            "Luật hết hiệu lực từ ngày 01/7/2025, được thay thế bởi Luật Bảo hiểm xã hội số 41/2024/QH15.",
        ),
    ),
    LegalDocument(
        number="41/2024/QH15",
        doc_type=DocumentType.LAW,
        title="Luật Bảo hiểm xã hội số 41/2024/QH15",
        summary="Luật Bảo hiểm xã hội",
        issuer="Quốc hội",
        signer="Trần Thanh Mẫn",
        signer_title=NATIONAL_ASSEMBLY_CHAIR,
        signed=date(2024, 6, 29),
        effective=date(2025, 7, 1),
        field=DocumentField.SOCIAL,
        replaces=("58/2014/QH13",),
        paragraphs=(
            "Luật quy định về quyền, trách nhiệm của cơ quan, tổ chức, cá nhân đối với bảo hiểm xã hội; trợ cấp "
            "hưu trí xã hội; bảo hiểm xã hội bắt buộc; bảo hiểm xã hội tự nguyện; bảo hiểm hưu trí bổ sung; quỹ bảo "
            "hiểm xã hội; thủ tục thực hiện và quản lý nhà nước về bảo hiểm xã hội.",
            "Luật có hiệu lực thi hành từ ngày 01/7/2025, thay thế Luật Bảo hiểm xã hội số 58/2014/QH13.",
        ),
    ),
    LegalDocument(
        number="51/2024/QH15",
        doc_type=DocumentType.LAW,
        title="Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế số 51/2024/QH15",
        summary="Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế",
        issuer="Quốc hội",
        signer="Trần Thanh Mẫn",
        signer_title=NATIONAL_ASSEMBLY_CHAIR,
        signed=date(2024, 11, 27),
        effective=date(2025, 7, 1),
        field=DocumentField.HEALTH,
        paragraphs=(
            "Luật sửa đổi, bổ sung nhiều điều của Luật Bảo hiểm y tế về đối tượng tham gia, trách nhiệm đóng, phạm "
            "vi quyền lợi và việc tổ chức khám bệnh, chữa bệnh bảo hiểm y tế theo cấp chuyên môn kỹ thuật.",
            "Luật có hiệu lực thi hành từ ngày 01/7/2025.",
        ),
    ),
    LegalDocument(
        number="158/2025/NĐ-CP",
        doc_type=DocumentType.DECREE,
        title="Nghị định số 158/2025/NĐ-CP hướng dẫn Luật Bảo hiểm xã hội về bảo hiểm xã hội bắt buộc",
        summary="Nghị định quy định chi tiết và hướng dẫn thi hành một số điều của Luật Bảo hiểm xã hội về bảo "
        "hiểm xã hội bắt buộc",
        issuer="Chính phủ",
        signer="Lê Thành Long",
        signer_title=DEPUTY_PRIME_MINISTER,
        signed=date(2025, 6, 25),
        effective=date(2025, 7, 1),
        field=DocumentField.SOCIAL,
        paragraphs=(
            "Nghị định hướng dẫn về đối tượng tham gia, tiền lương làm căn cứ đóng, điều kiện và mức hưởng các chế "
            "độ bảo hiểm xã hội bắt buộc, trong đó có bảo hiểm xã hội một lần.",
            "Nghị định có hiệu lực thi hành từ ngày 01/7/2025.",
        ),
    ),
    LegalDocument(
        number="159/2025/NĐ-CP",
        doc_type=DocumentType.DECREE,
        title="Nghị định số 159/2025/NĐ-CP hướng dẫn Luật Bảo hiểm xã hội về bảo hiểm xã hội tự nguyện",
        summary="Nghị định quy định chi tiết và hướng dẫn thi hành một số điều của Luật Bảo hiểm xã hội về bảo "
        "hiểm xã hội tự nguyện",
        issuer="Chính phủ",
        signer="Lê Thành Long",
        signer_title=DEPUTY_PRIME_MINISTER,
        signed=date(2025, 6, 25),
        effective=date(2025, 7, 1),
        field=DocumentField.SOCIAL,
        paragraphs=(
            "Nghị định hướng dẫn việc tham gia, đóng và hưởng các chế độ bảo hiểm xã hội tự nguyện.",
            "Nghị định có hiệu lực thi hành từ ngày 01/7/2025.",
        ),
    ),
)

DIRECTOR = "Giám đốc"
FOR_DIRECTOR = "KT. Giám đốc\nPhó Giám đốc"


def provincial_documents(ctx: Context) -> list[LegalDocument]:
    """The office's own notices, decisions, letters and plans (numbers differ by province)."""
    profile = ctx.profile
    numbers = profile.document_numbers
    office = ctx.province.office_name
    director = profile.director.name
    collection = profile.leader_for("collection").name
    benefits = profile.leader_for("benefits", "benefits_health").name

    def document(key: str, doc_type: DocumentType, title: str, summary: str, **fields) -> LegalDocument:
        signed = fields.pop("signed")
        return LegalDocument(
            number=numbers[key],
            doc_type=doc_type,
            title=title.format(number=numbers[key]),
            summary=summary,
            issuer=office,
            signed=signed,
            effective=signed,
            **fields,
        )

    return [
        document(
            "notice",
            DocumentType.NOTICE,
            "Thông báo số {number} về địa điểm tiếp nhận hồ sơ của Bảo hiểm xã hội cơ sở sau sắp xếp đơn vị hành chính",
            "Thông báo địa điểm tiếp nhận hồ sơ, trả kết quả thủ tục hành chính của Bảo hiểm xã hội cơ sở sau khi "
            "sắp xếp đơn vị hành chính cấp xã",
            signer=director,
            signer_title=DIRECTOR,
            signed=date(2025, 7, 3),
            field=DocumentField.ORGANISATION,
            paragraphs=(
                "Từ ngày 01/7/2025, các Bảo hiểm xã hội cơ sở tiếp nhận hồ sơ, trả kết quả thủ tục hành chính theo "
                "địa bàn các xã, phường mới. Người dân, doanh nghiệp tra cứu cơ quan phụ trách xã, phường của mình "
                "tại mục Hệ thống cơ quan trên trang thông tin điện tử.",
                "Hồ sơ đã nộp trước ngày 01/7/2025 tiếp tục được giải quyết theo quy định, không phải nộp lại.",
            ),
        ),
        document(
            "reception",
            DocumentType.DECISION,
            f"Quyết định số {{number}} ban hành Quy chế tiếp công dân của {office}",
            f"Quyết định ban hành Quy chế tiếp công dân của {office}",
            signer=director,
            signer_title=DIRECTOR,
            signed=date(2025, 8, 20),
            field=DocumentField.ORGANISATION,
            paragraphs=(
                "Quy chế quy định địa điểm, thời gian tiếp công dân; quyền và nghĩa vụ của người đến khiếu nại, tố "
                "cáo, kiến nghị, phản ánh; trách nhiệm của các phòng nghiệp vụ và Bảo hiểm xã hội cơ sở.",
                "Quyết định có hiệu lực kể từ ngày ký.",
            ),
        ),
        document(
            "payment",
            DocumentType.OFFICIAL_LETTER,
            "Công văn số {number} về việc đẩy mạnh chi trả lương hưu, trợ cấp bảo hiểm xã hội qua tài khoản cá nhân",
            "V/v đẩy mạnh chi trả lương hưu, trợ cấp bảo hiểm xã hội qua tài khoản cá nhân",
            signer=benefits,
            signer_title=FOR_DIRECTOR,
            signed=date(2025, 9, 10),
            field=DocumentField.SOCIAL,
            paragraphs=(
                "Bảo hiểm xã hội cơ sở phối hợp với bưu điện và Ủy ban nhân dân các xã, phường tuyên truyền, vận "
                "động người hưởng nhận lương hưu, trợ cấp qua tài khoản cá nhân; rà soát thông tin tài khoản, bảo "
                "đảm chi trả đúng người, đủ số tiền, kịp thời.",
            ),
        ),
        document(
            "arrears",
            DocumentType.OFFICIAL_LETTER,
            "Công văn số {number} về việc đôn đốc đóng bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp",
            "V/v đôn đốc thu nợ, giảm số tiền chậm đóng bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp",
            signer=collection,
            signer_title=FOR_DIRECTOR,
            signed=date(2025, 10, 15),
            field=DocumentField.COLLECTION,
            paragraphs=(
                "Đề nghị các đơn vị sử dụng lao động rà soát, đóng đầy đủ số tiền chậm đóng bảo hiểm xã hội, bảo "
                "hiểm y tế, bảo hiểm thất nghiệp. Đơn vị chậm đóng, trốn đóng bị xử lý theo quy định của Luật Bảo "
                "hiểm xã hội số 41/2024/QH15.",
            ),
        ),
        document(
            "communication",
            DocumentType.PLAN,
            "Kế hoạch số {number} tuyên truyền chính sách bảo hiểm xã hội, bảo hiểm y tế năm 2026",
            "Kế hoạch tuyên truyền chính sách, pháp luật về bảo hiểm xã hội, bảo hiểm y tế năm 2026",
            signer=collection,
            signer_title=FOR_DIRECTOR,
            signed=date(2025, 12, 18),
            field=DocumentField.SOCIAL,
            paragraphs=(
                "Kế hoạch xác định nội dung, hình thức tuyên truyền trọng tâm năm 2026: quy định mới của Luật Bảo "
                "hiểm xã hội, Luật Bảo hiểm y tế; dịch vụ công trực tuyến và ứng dụng VssID; đối thoại với doanh "
                "nghiệp; hội nghị tuyên truyền trực tiếp tại các xã, phường.",
            ),
        ),
        document(
            "development",
            DocumentType.PLAN,
            "Kế hoạch số {number} phát triển người tham gia bảo hiểm xã hội, bảo hiểm y tế năm 2026",
            "Kế hoạch phát triển người tham gia bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp năm 2026",
            signer=collection,
            signer_title=FOR_DIRECTOR,
            signed=date(2026, 1, 8),
            field=DocumentField.COLLECTION,
            paragraphs=(
                "Kế hoạch đặt mục tiêu mở rộng diện bao phủ, nhất là bảo hiểm xã hội tự nguyện và bảo hiểm y tế hộ "
                "gia đình; giao chỉ tiêu cho từng Bảo hiểm xã hội cơ sở và tổ chức dịch vụ thu; tăng cường phối hợp "
                "với chính quyền các xã, phường.",
            ),
        ),
    ]


def ensure_documents(index: DocumentIndexPage, ctx: Context) -> Tally:
    """Create the documents missing under the library (looked up by number), each with a PDF."""
    set_intro_once(index, ctx.fill(INDEX_INTRO))
    tally = Tally("văn bản")
    for document in [*NATIONAL_DOCUMENTS, *provincial_documents(ctx)]:
        existing = LegalDocumentPage.objects.descendant_of(index).filter(number=document.number).first()
        if existing is None:
            _create_document(index, document, ctx)
        tally.count(created=existing is None)
    return tally


def _create_document(index: DocumentIndexPage, document: LegalDocument, ctx: Context) -> LegalDocumentPage:
    pdf = ensure_document(document.title, lambda: document_pdf(_official_text(document, ctx)))
    page = LegalDocumentPage(
        title=document.title,
        slug=vietnamese_slug(f"{document.doc_type.label} {document.number}"),
        number=document.number,
        doc_type=document.doc_type,
        issuer=document.issuer,
        signer=document.signer,
        signed_date=document.signed,
        effective_date=document.effective,
        status=document.status,
        field=document.field,
        summary=document.summary,
        body="".join(f"<p>{escape(paragraph)}</p>" for paragraph in document.paragraphs),
    )
    page.attachments = [LegalDocumentAttachment(document=pdf)]
    page.replaces = list(LegalDocumentPage.objects.descendant_of(index).filter(number__in=document.replaces))
    return publish_child(index, page)


def _official_text(document: LegalDocument, ctx: Context) -> OfficialText:
    if document.issuer == ctx.province.office_name:
        issuer_lines = [
            "BẢO HIỂM XÃ HỘI VIỆT NAM",
            "BẢO HIỂM XÃ HỘI",
            document.issuer.removeprefix("Bảo hiểm xã hội ").upper(),
        ]
        place = ctx.profile.place
    else:
        issuer_lines, place = [document.issuer.upper()], "Hà Nội"
    heading = document.doc_type.label if document.doc_type in NAMED_TYPES else ""
    summary = document.summary
    if heading and summary.lower().startswith(heading.lower()):
        summary = summary[len(heading) :].strip()
        summary = summary[:1].upper() + summary[1:]
    return OfficialText(
        issuer_lines=issuer_lines,
        number=document.number,
        number_label="Luật số" if document.doc_type == DocumentType.LAW else "Số",
        place_and_date=f"{place}, {_long_date(document.signed)}",
        heading=heading,
        summary=summary,
        paragraphs=list(document.paragraphs),
        signer_title=document.signer_title,
        signer=document.signer,
        pdf_title=document.title,
    )


def _long_date(value: date) -> str:
    """The date line of a document, "ngày 05 tháng 01 năm 2026": zero-padded days, months 1 and 2 (NĐ 30/2020)."""
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"
