"""Thủ tục hành chính: four common procedures, every element of TT 32/2017 Điều 5 filled in."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape

from tenant_apps.documents.models import LegalDocumentPage
from tenant_apps.procedures.models import (
    NATIONAL_PORTAL_URL,
    OnlineLevel,
    ProcedureForm,
    ProcedureIndexPage,
    ProcedurePage,
)

from .common import Context, Tally, child_by_slug, publish_child, set_intro_once
from .forms import TK1_TS_TITLE, tk1_ts_docx
from .media import ensure_document

INDEX_INTRO = (
    "<p>Thủ tục hành chính do {office} và Bảo hiểm xã hội cơ sở giải quyết. Phần lớn thủ tục có thể thực hiện "
    "trực tuyến trên Cổng Dịch vụ công quốc gia hoặc ứng dụng VssID.</p>"
)
ONLINE_URL = f"{NATIONAL_PORTAL_URL}/p/home/dvc-trang-chu.html"
COLLECTION_FIELD = "Thu, cấp sổ bảo hiểm xã hội, thẻ bảo hiểm y tế"
BENEFITS_FIELD = "Chế độ bảo hiểm xã hội"
TK1_TS = "Tờ khai tham gia, điều chỉnh thông tin bảo hiểm xã hội, bảo hiểm y tế (Mẫu TK1-TS)"
METHODS = (
    "<ul><li>Nộp trực tiếp tại bộ phận tiếp nhận và trả kết quả của cơ quan bảo hiểm xã hội{extra}.</li>"
    "<li>Qua dịch vụ bưu chính công ích.</li>"
    "<li>Trực tuyến trên Cổng Dịch vụ công quốc gia{online}.</li></ul>"
)
WHERE_TO_SUBMIT = (
    "<ul><li>Bộ phận tiếp nhận và trả kết quả thủ tục hành chính của {office}: {address}.</li>"
    "<li>Bảo hiểm xã hội cơ sở phụ trách xã, phường nơi cư trú hoặc nơi đơn vị đóng trụ sở "
    '(xem <a href="/he-thong-co-quan/">Hệ thống cơ quan</a>).</li>'
    "<li>Trung tâm phục vụ hành chính công các xã, phường.</li></ul>"
)
DEFAULT_DECIDING_AGENCY = "Bảo hiểm xã hội cơ sở; {office}"


@dataclass(frozen=True)
class Procedure:
    slug: str
    title: str
    field: str
    steps: tuple[tuple[str, str], ...]
    submission_methods: str
    dossier: tuple[tuple[str, str], ...]
    time_limit: str
    applicants: str
    result: str
    requirements: str
    legal_basis: tuple[str, ...]  # document numbers
    legal_basis_note: str
    online_level: OnlineLevel


PROCEDURES = (
    Procedure(
        slug="dang-ky-tham-gia-bao-hiem-xa-hoi-tu-nguyen",
        title="Đăng ký tham gia bảo hiểm xã hội tự nguyện",
        field=COLLECTION_FIELD,
        steps=(
            (
                "Kê khai và nộp hồ sơ",
                f"Người tham gia kê khai {TK1_TS} và nộp cho cơ quan bảo hiểm xã hội, tổ chức "
                "dịch vụ thu, hoặc nộp trực tuyến trên Cổng Dịch vụ công quốc gia, ứng dụng VssID.",
            ),
            (
                "Đóng tiền",
                "Người tham gia chọn mức thu nhập làm căn cứ đóng, phương thức đóng và nộp tiền tại điểm "
                "thu hoặc thanh toán trực tuyến.",
            ),
            (
                "Tiếp nhận, giải quyết",
                "Cơ quan bảo hiểm xã hội kiểm tra hồ sơ, ghi nhận quá trình đóng và cấp sổ bảo hiểm xã hội.",
            ),
            (
                "Nhận kết quả",
                "Người tham gia nhận sổ bảo hiểm xã hội tại nơi nộp hồ sơ, qua bưu chính, hoặc tra cứu "
                "trên ứng dụng VssID.",
            ),
        ),
        submission_methods=METHODS.format(extra=" hoặc tổ chức dịch vụ thu", online=" hoặc ứng dụng VssID"),
        dossier=((TK1_TS, "01 bản chính"),),
        time_limit="Không quá 05 ngày làm việc kể từ ngày nhận đủ hồ sơ theo quy định.",
        applicants="Công dân Việt Nam từ đủ 15 tuổi trở lên không thuộc đối tượng tham gia bảo hiểm xã hội bắt buộc, "
        "không đang hưởng lương hưu, trợ cấp bảo hiểm xã hội hằng tháng.",
        result="Sổ bảo hiểm xã hội; quá trình đóng được cập nhật trên ứng dụng VssID.",
        requirements="Mức thu nhập tháng làm căn cứ đóng do người tham gia lựa chọn, thấp nhất bằng chuẩn hộ nghèo "
        "khu vực nông thôn và cao nhất bằng 20 lần mức tham chiếu tại thời điểm đóng.",
        legal_basis=("41/2024/QH15", "159/2025/NĐ-CP"),
        legal_basis_note="Quy trình thu bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp; cấp sổ bảo hiểm xã "
        "hội, thẻ bảo hiểm y tế của Bảo hiểm xã hội Việt Nam.",
        online_level=OnlineLevel.FULL,
    ),
    Procedure(
        slug="cap-lai-doi-the-bao-hiem-y-te",
        title="Cấp lại, đổi thẻ bảo hiểm y tế",
        field=COLLECTION_FIELD,
        steps=(
            (
                "Nộp hồ sơ",
                "Người tham gia hoặc đơn vị quản lý nộp hồ sơ cho cơ quan bảo hiểm xã hội: trực tiếp, qua "
                "bưu chính hoặc trực tuyến.",
            ),
            (
                "Tiếp nhận, kiểm tra",
                "Cơ quan bảo hiểm xã hội kiểm tra thông tin trên hệ thống, đối chiếu với Cơ sở dữ "
                "liệu quốc gia về dân cư.",
            ),
            ("Cấp thẻ", "Cấp lại hoặc đổi thẻ bảo hiểm y tế; thông tin thẻ được cập nhật trên ứng dụng VssID, VNeID."),
            ("Nhận kết quả", "Người tham gia nhận thẻ tại nơi nộp hồ sơ hoặc qua bưu chính."),
        ),
        submission_methods=METHODS.format(extra="", online=" hoặc ứng dụng VssID"),
        dossier=(
            (f"{TK1_TS}, trường hợp thay đổi thông tin trên thẻ", "01 bản chính"),
            (
                "Giấy tờ chứng minh thông tin thay đổi (nếu chưa có trong Cơ sở dữ liệu quốc gia về dân cư)",
                "01 bản sao",
            ),
        ),
        time_limit="Không quá 07 ngày làm việc kể từ ngày nhận đủ hồ sơ theo quy định.",
        applicants="Người tham gia bảo hiểm y tế bị mất, hỏng thẻ hoặc có thay đổi thông tin in trên thẻ; cơ quan, "
        "đơn vị quản lý người tham gia.",
        result="Thẻ bảo hiểm y tế (bản giấy hoặc trên ứng dụng VssID, VNeID).",
        requirements="Thẻ bảo hiểm y tế còn giá trị sử dụng; thông tin đề nghị điều chỉnh khớp với Cơ sở dữ liệu "
        "quốc gia về dân cư.",
        legal_basis=("25/2008/QH12", "51/2024/QH15"),
        legal_basis_note="Quy trình cấp sổ bảo hiểm xã hội, thẻ bảo hiểm y tế của Bảo hiểm xã hội Việt Nam.",
        online_level=OnlineLevel.FULL,
    ),
    Procedure(
        slug="giai-quyet-huong-bao-hiem-xa-hoi-mot-lan",
        title="Giải quyết hưởng bảo hiểm xã hội một lần",
        field=BENEFITS_FIELD,
        steps=(
            (
                "Nộp hồ sơ",
                "Người lao động nộp hồ sơ cho cơ quan bảo hiểm xã hội: trực tiếp, qua bưu chính hoặc trực tuyến.",
            ),
            (
                "Tiếp nhận, kiểm tra",
                "Cơ quan bảo hiểm xã hội đối chiếu quá trình đóng; hồ sơ chưa đủ được hướng dẫn bổ sung một lần.",
            ),
            (
                "Giải quyết và chi trả",
                "Ban hành quyết định hưởng bảo hiểm xã hội một lần và chi trả qua tài khoản cá "
                "nhân hoặc tại điểm chi trả.",
            ),
            ("Nhận kết quả", "Người lao động nhận quyết định và trợ cấp theo hình thức đã đăng ký."),
        ),
        submission_methods=METHODS.format(extra="", online=""),
        dossier=(
            ("Sổ bảo hiểm xã hội", "01 bản chính"),
            ("Đơn đề nghị hưởng bảo hiểm xã hội một lần theo mẫu", "01 bản chính"),
            (
                "Giấy tờ chứng minh thuộc trường hợp được hưởng (ra nước ngoài để định cư, mắc bệnh hiểm nghèo…), nếu "
                "có",
                "01 bản sao",
            ),
        ),
        time_limit="Không quá 10 ngày làm việc kể từ ngày nhận đủ hồ sơ theo quy định.",
        applicants="Người lao động đã tham gia bảo hiểm xã hội có yêu cầu hưởng bảo hiểm xã hội một lần và thuộc "
        "trường hợp được hưởng theo Luật Bảo hiểm xã hội số 41/2024/QH15.",
        result="Quyết định hưởng bảo hiểm xã hội một lần và khoản trợ cấp được chi trả.",
        requirements="Thuộc một trong các trường hợp theo quy định, như: đủ tuổi nghỉ hưu mà chưa đủ 15 năm đóng và "
        "không tiếp tục tham gia; ra nước ngoài để định cư; mắc bệnh hiểm nghèo theo danh mục; người bắt đầu tham "
        "gia trước ngày 01/7/2025, sau 12 tháng không tham gia mà có thời gian đóng dưới 20 năm.",
        legal_basis=("41/2024/QH15", "158/2025/NĐ-CP", "159/2025/NĐ-CP"),
        legal_basis_note="Quy trình giải quyết hưởng các chế độ bảo hiểm xã hội của Bảo hiểm xã hội Việt Nam.",
        online_level=OnlineLevel.PARTIAL,
    ),
    Procedure(
        slug="dang-ky-dieu-chinh-dong-bao-hiem-xa-hoi-bat-buoc",
        title="Đăng ký, điều chỉnh đóng bảo hiểm xã hội bắt buộc, bảo hiểm y tế, bảo hiểm thất nghiệp",
        field=COLLECTION_FIELD,
        steps=(
            (
                "Lập hồ sơ",
                "Đơn vị lập danh sách người lao động tham gia, điều chỉnh; người lao động chưa có mã số bảo "
                "hiểm xã hội hoặc thay đổi thông tin kê khai tờ khai.",
            ),
            (
                "Nộp hồ sơ",
                "Đơn vị gửi hồ sơ điện tử qua Cổng Dịch vụ công quốc gia, Cổng Dịch vụ công Bảo hiểm xã hội "
                "Việt Nam hoặc tổ chức I-VAN; hoặc nộp trực tiếp, qua bưu chính.",
            ),
            (
                "Xử lý hồ sơ",
                "Cơ quan bảo hiểm xã hội ghi nhận thông tin, xác định số phải đóng và cấp thẻ bảo hiểm y "
                "tế cho người lao động.",
            ),
            (
                "Đóng tiền, nhận kết quả",
                "Đơn vị chuyển tiền đóng theo phương thức đã đăng ký và nhận thông báo kết quả đóng hằng tháng.",
            ),
        ),
        submission_methods=METHODS.format(
            extra="", online=", Cổng Dịch vụ công Bảo hiểm xã hội Việt Nam hoặc qua tổ chức I-VAN"
        ),
        dossier=(
            (f"{TK1_TS} của người lao động chưa có mã số hoặc thay đổi thông tin", "01 bản chính"),
            (
                "Tờ khai đơn vị tham gia, điều chỉnh thông tin bảo hiểm xã hội, bảo hiểm y tế (Mẫu TK3-TS), đơn vị "
                "đăng ký lần đầu hoặc thay đổi thông tin",
                "01 bản chính",
            ),
            ("Danh sách lao động tham gia bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp", "01 bản chính"),
        ),
        time_limit="Không quá 05 ngày làm việc kể từ ngày nhận đủ hồ sơ theo quy định.",
        applicants="Cơ quan, tổ chức, doanh nghiệp, hộ kinh doanh và đơn vị sử dụng lao động thuộc diện tham gia bảo "
        "hiểm xã hội bắt buộc.",
        result="Thông báo kết quả đóng; thẻ bảo hiểm y tế và thông tin quá trình đóng của người lao động.",
        requirements="Đơn vị đăng ký tham gia cho người lao động trong thời hạn 30 ngày kể từ ngày giao kết hợp đồng "
        "lao động hoặc ngày người lao động thuộc diện tham gia; đóng đầy đủ, đúng hạn.",
        legal_basis=("41/2024/QH15", "158/2025/NĐ-CP", "51/2024/QH15"),
        legal_basis_note="Quy trình thu bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp; cấp sổ bảo hiểm xã "
        "hội, thẻ bảo hiểm y tế của Bảo hiểm xã hội Việt Nam.",
        online_level=OnlineLevel.FULL,
    ),
)


def ensure_procedures(index: ProcedureIndexPage, ctx: Context) -> Tally:
    """Create the procedures missing under the index; their legal basis links the document pages."""
    set_intro_once(index, ctx.fill(INDEX_INTRO))
    documents = {page.number: page for page in LegalDocumentPage.objects.all()}
    tally = Tally("thủ tục")
    for procedure in PROCEDURES:
        existing = child_by_slug(index, procedure.slug)
        if existing is None:
            _create_procedure(index, procedure, documents, ctx)
        tally.count(created=existing is None)
    _offer_tk1_ts(index)
    return tally


def _offer_tk1_ts(index: ProcedureIndexPage) -> None:
    """Each procedure whose dossier asks for the TK1-TS form offers it for download (a DOCX), once."""
    form = ensure_document(TK1_TS_TITLE, tk1_ts_docx, extension="docx")
    for page in ProcedurePage.objects.child_of(index).live():
        needs_form = any("TK1-TS" in component.value["name"] for component in page.dossier)
        if needs_form and not page.forms.filter(document=form).exists():
            page.forms.add(ProcedureForm(document=form))
            page.save_revision().publish()


def _create_procedure(
    index: ProcedureIndexPage, procedure: Procedure, documents: dict[str, LegalDocumentPage], ctx: Context
) -> ProcedurePage:
    office = ctx.province.office_name
    page = ProcedurePage(
        title=procedure.title,
        slug=procedure.slug,
        field=procedure.field,
        steps=[("step", {"title": title, "description": text}) for title, text in procedure.steps],
        submission_methods=procedure.submission_methods,
        dossier=[("component", {"name": name, "copies": copies}) for name, copies in procedure.dossier],
        time_limit=procedure.time_limit,
        applicants=procedure.applicants,
        deciding_agency=DEFAULT_DECIDING_AGENCY.format(office=office),
        result=procedure.result,
        fees="Không",
        where_to_submit=WHERE_TO_SUBMIT.format(office=escape(office), address=escape(ctx.province.address)),
        requirements=procedure.requirements,
        legal_basis_note=procedure.legal_basis_note,
        online_level=procedure.online_level,
        online_url=ONLINE_URL,
    )
    page.legal_basis = [documents[number] for number in procedure.legal_basis if number in documents]
    return publish_child(index, page)
