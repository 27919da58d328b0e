"""The back office of a demo province: the editorial board (members with accounts, the establishing
decision, versioned operating rules), royalty lines, citizens' questions (answered, waiting, overdue),
last quarter's report to the centre and the establishment dossier, so that every board screen of
`make run` shows real-looking data. Each part is looked up before it is made: a second run adds nothing.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from shared_apps.reporting.models import DossierItemKind
from shared_apps.reporting.services import (
    dossier_for,
    prepare_report,
    save_dossier_item,
    submit_dossier,
    submit_report,
)
from tenant_apps.editorial.models import BoardDecision, BoardMember, BoardRole, OperatingRules, RoyaltyContribution
from tenant_apps.editorial.services import save_member
from tenant_apps.news.models import NewsPage
from tenant_apps.qa.models import Question, QuestionIndexPage
from tenant_apps.qa.services import publish_answer, receive_question

from ..services import DEMO_PASSWORD, ensure_demo_authenticator
from .common import Context, Tally
from .media import OfficialText, document_pdf, ensure_document


@dataclass(frozen=True)
class Member:
    username: str
    full_name: str  # "" for the head of board: the province's deputy director in charge
    position: str
    role: BoardRole


MEMBERS = (
    Member("truongban", "", "Phó Giám đốc", BoardRole.HEAD),
    Member("phoban", "Đỗ Thu Hà", "Trưởng phòng Truyền thông và Phát triển đối tượng", BoardRole.DEPUTY),
    Member("bientap.tung", "Ngô Thanh Tùng", "Phó Trưởng phòng Truyền thông và Phát triển đối tượng", BoardRole.EDITOR),
    Member("bientap.mai", "Bùi Thị Mai", "Chuyên viên Văn phòng", BoardRole.EDITOR),
    Member(
        "phongvien.viet", "Đặng Quốc Việt", "Chuyên viên Phòng Truyền thông và Phát triển đối tượng", BoardRole.REPORTER
    ),
    Member("kythuat", "Hoàng Minh Đức", "Chuyên viên công nghệ thông tin, Văn phòng", BoardRole.TECHNICAL),
)

DECISION_NUMBER = "1568/QĐ-BHXH"
DECISION_DATE = datetime.date(2025, 7, 15)
RULES = (
    (1, "Quy chế hoạt động của trang thông tin điện tử", datetime.date(2025, 7, 25), ""),
    (
        2,
        "Quy chế hoạt động của trang thông tin điện tử (sửa đổi, bổ sung)",
        datetime.date(2026, 3, 2),
        "Bổ sung quy trình trả lời hỏi đáp trong 10 ngày, chuyên mục Tin toàn ngành và mức nhuận bút theo "
        "lương cơ sở mới.",
    ),
)
Royalty = RoyaltyContribution
# (person, on the staff, part, genre, coefficient, status) for each of the three newest articles
ROYALTIES = (
    ("Đặng Quốc Việt", True, Royalty.Kind.WRITER, "tin", Decimal("6"), Royalty.Status.PAID),
    ("Bùi Thị Mai", True, Royalty.Kind.PHOTOGRAPHER, "anh", Decimal("2.5"), Royalty.Status.APPROVED),
    ("Trần Văn Khoa", False, Royalty.Kind.MATERIAL, "tin", Decimal("1.5"), Royalty.Status.PROPOSED),
)
# (asker, topic, title, body, answer or "", days ago); the commune is one the province's offices serve
QUESTIONS = (
    (
        "Nguyễn Thị Thu",
        "bhyt",
        "Thẻ BHYT hộ gia đình hết hạn thì gia hạn ở đâu?",
        "Thẻ BHYT của gia đình tôi hết hạn cuối tháng này. Tôi có thể gia hạn ở đâu và có cần mang giấy tờ gì không?",
        "<p>Bạn gia hạn tại đại lý thu BHXH, BHYT ở xã, phường hoặc trên ứng dụng VssID (mục Dịch vụ công). Chỉ cần "
        "mã số BHXH của các thành viên; nên gia hạn trước ngày hết hạn để thẻ được sử dụng liên tục.</p>",
        20,
    ),
    (
        "Trần Văn Bình",
        "bhxh-bat-buoc",
        "Nghỉ việc bao lâu thì được rút BHXH một lần?",
        "Tôi nghỉ việc từ tháng 3, đã đóng BHXH 8 năm. Bao lâu sau khi nghỉ tôi được hưởng BHXH một lần?",
        "<p>Theo Luật Bảo hiểm xã hội 2024 (hiệu lực từ 01/07/2025), người lao động bắt đầu đóng BHXH từ 01/07/2025 "
        "trở đi không được rút một lần trừ các trường hợp luật quy định. Người đã đóng trước ngày này được hưởng "
        "khi sau 12 tháng không thuộc đối tượng đóng BHXH bắt buộc, tự nguyện và có thời gian đóng dưới 20 năm.</p>",
        16,
    ),
    (
        "Lê Hoàng Nam",
        "bhxh-tu-nguyen",
        "Mức đóng BHXH tự nguyện thấp nhất hiện nay là bao nhiêu?",
        "Tôi làm nông, muốn tham gia BHXH tự nguyện. Mức đóng thấp nhất một tháng là bao nhiêu, có được hỗ trợ không?",
        "",
        13,
    ),
    (
        "Phạm Thị Hồng",
        "thu-tuc",
        "Hồ sơ hưởng chế độ thai sản cho lao động nữ sinh con",
        "Tôi sinh con tháng trước, công ty đã nộp hồ sơ thai sản. Bao lâu thì tôi nhận được tiền và nhận qua đâu?",
        "",
        4,
    ),
    (
        "Vũ Đức Thắng",
        "khac",
        "Cập nhật số điện thoại trên ứng dụng VssID",
        "Tôi đổi số điện thoại, không đăng nhập được VssID. Tôi phải làm thủ tục gì để cập nhật số mới?",
        "",
        1,
    ),
)
REPORT_NARRATIVE = (
    "Trong quý, trang thông tin điện tử hoạt động ổn định, cập nhật kịp thời chính sách mới về BHXH, BHYT; "
    "trả lời công khai các câu hỏi của người dân đúng hạn; đăng đầy đủ tin, bài của ngành."
)
REPORT_PLAN = (
    "Tiếp tục tuyên truyền Luật Bảo hiểm xã hội 2024; mở chuyên mục hỏi đáp về BHXH tự nguyện; rà soát, "
    "cập nhật thủ tục hành chính theo quyết định công bố mới."
)


def ensure_back_office(ctx: Context) -> Tally:
    tally = Tally("mục quản trị Ban Biên tập (thành viên, quyết định, quy chế, nhuận bút, hỏi đáp, báo cáo, hồ sơ)")
    members = {member.role: _ensure_member(member, ctx, tally) for member in MEMBERS}
    decision = _ensure_decision(ctx, tally)
    rules = [_ensure_rules(version, title, adopted, notes, ctx, tally) for version, title, adopted, notes in RULES]
    _ensure_royalties(tally)
    _ensure_questions(members[BoardRole.EDITOR].user, ctx, tally)
    _ensure_report(ctx, members[BoardRole.HEAD], tally)
    _ensure_dossier(ctx, decision, rules[-1], tally)
    return tally


def _ensure_member(spec: Member, ctx: Context, tally: Tally) -> BoardMember:
    email = f"{spec.username}@{ctx.province.slug}.vss.gov.vn"
    member = BoardMember.objects.filter(email=email).first()
    tally.count(member is None)
    if member:
        return member
    full_name = spec.full_name or ctx.profile.leader_for("collection").name
    User = get_user_model()
    user = User.objects.filter(username=spec.username).first() or User.objects.create_user(
        spec.username, email=email, password=DEMO_PASSWORD, first_name=full_name
    )
    member = save_member(
        BoardMember(
            full_name=full_name,
            position=spec.position,
            role=spec.role,
            email=email,
            user=user,
            invited_at=timezone.now(),
            joined_at=timezone.now(),
        )
    )
    if spec.role in (BoardRole.HEAD, BoardRole.DEPUTY):  # they must pass the second factor
        ensure_demo_authenticator(spec.username)
    return member


def _official_pdf(ctx: Context, number: str, date: datetime.date, heading: str, summary: str, paragraphs) -> bytes:
    director = ctx.profile.director.name
    return document_pdf(
        OfficialText(
            issuer_lines=["BẢO HIỂM XÃ HỘI VIỆT NAM", ctx.province.office_name.upper()],
            number=number,
            place_and_date=f"{ctx.profile.place}, ngày {date:%d} tháng {date:%m} năm {date:%Y}",
            heading=heading,
            summary=summary,
            paragraphs=paragraphs,
            signer_title="Giám đốc",
            signer=director,
        )
    )


def _ensure_decision(ctx: Context, tally: Tally) -> BoardDecision:
    decision = BoardDecision.objects.filter(number=DECISION_NUMBER).first()
    tally.count(decision is None)
    if decision:
        return decision
    summary = f"Về việc thành lập Ban Biên tập trang thông tin điện tử {ctx.province.office_name}"
    document = ensure_document(
        f"Quyết định {DECISION_NUMBER} thành lập Ban Biên tập",
        lambda: _official_pdf(
            ctx,
            DECISION_NUMBER,
            DECISION_DATE,
            "Quyết định",
            summary,
            [
                "Điều 1. Thành lập Ban Biên tập trang thông tin điện tử gồm các ông, bà có tên tại danh sách kèm theo.",
                "Điều 2. Ban Biên tập hoạt động theo Quy chế do Giám đốc ban hành.",
                "Điều 3. Quyết định có hiệu lực kể từ ngày ký.",
            ],
        ),
    )
    return BoardDecision.objects.create(
        number=DECISION_NUMBER,
        signed_date=DECISION_DATE,
        signer=ctx.profile.director.name,
        document=document,
        is_current=True,
    )


def _ensure_rules(version: int, title: str, adopted: datetime.date, notes: str, ctx: Context, tally: Tally):
    rules = OperatingRules.objects.filter(version=version).first()
    tally.count(rules is None)
    if rules:
        return rules
    number = f"{1600 + version * 57}/QĐ-BHXH"
    document = ensure_document(
        f"{title} – phiên bản {version}",
        lambda: _official_pdf(
            ctx,
            number,
            adopted,
            "Quy chế",
            title,
            [
                "Chương I. Quy định chung: phạm vi, đối tượng áp dụng, nguyên tắc cung cấp thông tin.",
                "Chương II. Tổ chức, nhiệm vụ của Ban Biên tập; quy trình biên tập, duyệt và đăng tin, bài.",
                "Chương III. Nhuận bút, thù lao và điều khoản thi hành.",
            ],
        ),
    )
    return OperatingRules.objects.create(
        version=version, title=title, adopted_date=adopted, document=document, notes=notes
    )


def _ensure_royalties(tally: Tally) -> None:
    articles = NewsPage.objects.live().order_by("-first_published_at")[: len(ROYALTIES)]
    for article in articles:
        for person, is_staff, kind, genre, coefficient, status in ROYALTIES:
            _, created = Royalty.objects.get_or_create(
                page=article,
                person=person,
                kind=kind,
                defaults={
                    "genre": genre,
                    "coefficient": coefficient,
                    "status": status,
                    "is_staff": is_staff,
                    "approved_by": "truongban" if status != Royalty.Status.PROPOSED else "",
                    "paid_on": timezone.localdate() if status == Royalty.Status.PAID else None,
                },
            )
            tally.count(created)


def _ensure_questions(editor, ctx: Context, tally: Tally) -> None:
    page = QuestionIndexPage.objects.first()
    if page is None:
        return
    communes = [commune for office in ctx.profile.offices for commune in office.communes]
    for index, (asker, topic, title, body, answer, days_ago) in enumerate(QUESTIONS):
        commune = communes[index % len(communes)]
        question = Question.objects.filter(title=title).first()
        tally.count(question is None)
        if question:
            continue
        data = {"asker_name": asker, "email": "", "phone": "0912 000 111", "commune": commune, "topic": topic}
        question = receive_question({**data, "title": title, "body": body}, page)
        if answer:
            publish_answer(question, answer, editor)
        asked = timezone.now() - datetime.timedelta(days=days_ago)
        replied = asked + datetime.timedelta(days=3) if answer else None  # the demo dates it after the service ran
        Question.objects.filter(pk=question.pk).update(created_at=asked, answered_at=replied, replied_at=replied)


def _ensure_report(ctx: Context, head: BoardMember, tally: Tally) -> None:
    """Last quarter's report, sent to the centre by the head of board (once)."""
    today = timezone.localdate()
    quarter = (today.month - 1) // 3  # the last whole quarter: 0 means the 4th of last year
    year, quarter = (today.year - 1, 4) if quarter == 0 else (today.year, quarter)
    report = prepare_report(ctx.province, year, quarter, by=head.user.username)
    tally.count(report.editable)
    if report.editable:
        submit_report(
            report, REPORT_NARRATIVE, REPORT_PLAN, by=head.user.username, signer=(head.full_name, head.position)
        )


def _ensure_dossier(ctx: Context, decision: BoardDecision, rules: OperatingRules, tally: Tally) -> None:
    """The establishment dossier, complete and sent to the centre (once)."""
    dossier = dossier_for(ctx.province)
    tally.count(dossier.editable)
    if not dossier.editable:
        return
    host = ctx.province.get_primary_domain().domain
    items = {
        DossierItemKind.BOARD_DECISION: (
            f"Quyết định số {DECISION_NUMBER} ngày {DECISION_DATE:%d/%m/%Y}",
            decision.document,
        ),
        DossierItemKind.RULES: (f"{rules.title}, ban hành ngày {rules.adopted_date:%d/%m/%Y}", rules.document),
        DossierItemKind.DOMAIN: (f"Tên miền {host}, đăng ký tại Trung tâm Internet Việt Nam (VNNIC)", _domain_pdf(ctx)),
        DossierItemKind.RESPONSIBLE: (f"{ctx.profile.director.name}, Giám đốc {ctx.province.office_name}", None),
        DossierItemKind.TECHNICAL: (f"Hoàng Minh Đức, Văn phòng, kythuat@{ctx.province.slug}.vss.gov.vn", None),
    }
    for kind, (details, document) in items.items():
        upload = None
        if document:
            with document.file.open("rb") as pdf:
                upload = ContentFile(pdf.read(), name=f"{kind}.pdf")
        save_dossier_item(dossier, kind, details, upload)
    submit_dossier(dossier)


def _domain_pdf(ctx: Context):
    host = ctx.province.get_primary_domain().domain
    return ensure_document(
        f"Giấy xác nhận đăng ký tên miền {host}",
        lambda: document_pdf(
            OfficialText(
                issuer_lines=["BỘ KHOA HỌC VÀ CÔNG NGHỆ", "TRUNG TÂM INTERNET VIỆT NAM"],
                number=f"{ctx.province.code}/VNNIC",
                place_and_date="Hà Nội, ngày 01 tháng 7 năm 2025",
                heading="Giấy xác nhận",
                summary=f"Đăng ký sử dụng tên miền {host} cho {ctx.province.office_name}",
                paragraphs=[f"Tên miền {host} đã được đăng ký và có hiệu lực đến ngày 01/07/2030."],
            )
        ),
    )
