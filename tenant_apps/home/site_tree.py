"""The home page and the sections every province site carries (founding letter §4; TT 32/2017; NĐ 42/2022).

`ensure_home_page()` and `ensure_default_sections()` are onboarding steps (registered in this
app's wagtail_hooks.py) and idempotent: a home page or a section whose slug already exists is
left as the board edited it.
"""

from __future__ import annotations

from collections.abc import Callable

from wagtail.models import Page

from tenant_apps.about.models import IntroductionPage
from tenant_apps.consultation.models import ConsultationIndexPage
from tenant_apps.contact.models import ContactPage
from tenant_apps.documents.models import DocumentIndexPage
from tenant_apps.home.models import HomePage
from tenant_apps.lookups.models import HealthCardLookupPage
from tenant_apps.news.models import DEFAULT_CATEGORIES, NewsCategory, NewsIndexPage
from tenant_apps.offices.models import Office, OfficeDirectoryPage
from tenant_apps.pages.models import ContentPage, SiteMapPage
from tenant_apps.procedures.models import NATIONAL_PORTAL_URL, ProcedureIndexPage
from tenant_apps.qa.models import QuestionIndexPage
from tenants.models import Province

NATIONAL_SITE_URL = "https://baohiemxahoi.gov.vn"

FUNCTIONS_VI = (
    "<p>{office} là cơ quan trực thuộc Bảo hiểm xã hội Việt Nam, có chức năng giúp Giám đốc Bảo hiểm xã hội "
    "Việt Nam tổ chức thực hiện các chế độ, chính sách bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp; "
    "quản lý thu, chi bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp trên địa bàn theo quy định.</p>"
    "<ul><li>Tổ chức thu, cấp sổ bảo hiểm xã hội, thẻ bảo hiểm y tế.</li>"
    "<li>Giải quyết và chi trả các chế độ bảo hiểm xã hội, bảo hiểm thất nghiệp.</li>"
    "<li>Tổ chức ký hợp đồng khám, chữa bệnh bảo hiểm y tế và giám định chi phí.</li>"
    "<li>Tuyên truyền, phổ biến chính sách, pháp luật; hỗ trợ người tham gia.</li>"
    "<li>Thanh tra chuyên ngành việc đóng bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp.</li></ul>"
)
FUNCTIONS_EN = (
    "<p>{office_en} is the provincial office of Vietnam Social Security. It implements social insurance, "
    "health insurance and unemployment insurance in the province: it collects contributions, issues social "
    "insurance books and health insurance cards, pays benefits, contracts health-care providers and informs "
    "and supports participants.</p>"
)
ORGANISATION = [
    ("Ban Giám đốc", "Giám đốc và các Phó Giám đốc", []),
    (
        "Các phòng nghiệp vụ",
        "Tham mưu, giúp việc Giám đốc",
        [
            "Văn phòng",
            "Phòng Quản lý thu - Sổ, thẻ",
            "Phòng Chế độ bảo hiểm xã hội",
            "Phòng Giám định bảo hiểm y tế",
            "Phòng Kế hoạch - Tài chính",
            "Phòng Thanh tra - Kiểm tra",
            "Phòng Truyền thông và Phát triển người tham gia",
        ],
    ),
    ("Bảo hiểm xã hội cơ sở", "Tiếp nhận hồ sơ, giải quyết chế độ tại các xã, phường", []),
]
HELP_TEXT = (
    "<h2>Cách sử dụng trang</h2><ul>"
    "<li>Dùng ô <b>Tìm kiếm</b> ở đầu trang; gõ có dấu hoặc không dấu đều được.</li>"
    "<li>Phím tắt: Alt+1 (hoặc Alt+Shift+1) về Trang chủ, Alt+3 mở Sơ đồ cổng, Alt+4 đến ô Tìm kiếm.</li>"
    "<li>Chọn cỡ chữ A−, A, A+ ở đầu trang để đọc dễ hơn; trang in được và dùng tốt trên điện thoại.</li>"
    "<li>Đăng ký nhận tin qua RSS tại mục Tin tức.</li></ul>"
)
ONLINE_SERVICES_TEXT = (
    "<p>Người dân, doanh nghiệp thực hiện thủ tục bảo hiểm xã hội, bảo hiểm y tế trực tuyến tại:</p><ul>"
    f'<li><a href="{NATIONAL_PORTAL_URL}">Cổng Dịch vụ công quốc gia</a></li>'
    '<li><a href="https://dichvucong.baohiemxahoi.gov.vn">Cổng Dịch vụ công Bảo hiểm xã hội Việt Nam</a></li>'
    "<li>Ứng dụng VssID – Bảo hiểm xã hội số trên điện thoại.</li></ul>"
    '<p><a href="/tra-cuu-the-bhyt/">Tra cứu giá trị sử dụng thẻ BHYT</a> ngay trên trang này; tra cứu mã số '
    "bảo hiểm xã hội, quá trình đóng tại "
    f'<a href="{NATIONAL_SITE_URL}/tra-cuu">Cổng thông tin điện tử Bảo hiểm xã hội Việt Nam</a>.</p>'
)
# Tiếp cận thông tin (NĐ 13/2018/NĐ-CP Điều 11; Luật Tiếp cận thông tin 2016 Điều 17, 19): the list
# of information the office makes public, with where each kind is found on the site.
ACCESS_TO_INFORMATION_SLUG = "tiep-can-thong-tin"
ACCESS_TO_INFORMATION_TEXT = (
    "<p>Danh mục thông tin {office} công khai theo Luật Tiếp cận thông tin năm 2016 và Nghị định "
    "số 13/2018/NĐ-CP:</p><ul>"
    '<li>Chức năng, nhiệm vụ, cơ cấu tổ chức và đầu mối liên hệ: <a href="/gioi-thieu/">Giới thiệu</a>.</li>'
    '<li>Văn bản quy phạm pháp luật, văn bản hành chính có giá trị áp dụng chung: <a href="/van-ban/">Văn bản</a>.</li>'
    "<li>Thủ tục hành chính, quy trình giải quyết công việc: "
    '<a href="/thu-tuc-hanh-chinh/">Thủ tục hành chính</a>.</li>'
    '<li>Dự thảo văn bản lấy ý kiến: <a href="/lay-y-kien-du-thao/">Lấy ý kiến dự thảo</a>.</li>'
    "<li>Chiến lược, chương trình, kế hoạch; báo cáo tài chính năm; số liệu thống kê của ngành: "
    '<a href="/van-ban/">Văn bản</a>, <a href="/tin-tuc/">Tin tức</a>.</li>'
    '<li>Hỏi đáp, tiếp nhận và trả lời kiến nghị của người dân: <a href="/hoi-dap/">Hỏi đáp</a>.</li></ul>'
    "<p>Yêu cầu cung cấp thông tin khác gửi về {office} theo địa chỉ tại trang "
    '<a href="/lien-he/">Liên hệ</a>.</p>'
)


def ensure_access_to_information_section(home: Page, province: Province) -> Page:
    """The "Tiếp cận thông tin" section; also added to existing sites (manage.py ensure_access_to_information)."""
    return _section(
        home,
        ACCESS_TO_INFORMATION_SLUG,
        lambda: ContentPage(
            title="Tiếp cận thông tin",
            show_in_menus=True,
            body=ACCESS_TO_INFORMATION_TEXT.format(office=province.office_name),
        ),
    )


def ensure_home_page(province: Province, report: Callable[[str], None]) -> HomePage:
    """The province's home page, the root of its site (created under Wagtail's root node)."""
    home = HomePage.objects.first()
    if home:
        report(f"Trang chủ: đã có ({home.title})")
        return home
    root = Page.get_first_root_node()
    home = HomePage(
        title=province.office_name,
        slug="trang-chu",
        seo_title=f"Trang thông tin điện tử {province.office_name}",
        intro=(
            f"<p>Chào mừng bạn đến với trang thông tin điện tử của {province.office_name}: tin tức, "
            "văn bản, thủ tục hành chính, hỏi đáp và dịch vụ công trực tuyến về bảo hiểm xã hội, "
            "bảo hiểm y tế và bảo hiểm thất nghiệp.</p>"
        ),
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    report("Trang chủ: tạo mới")
    return home


def _section(parent: Page, slug: str, build: Callable[[], Page]) -> Page:
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    page = build()
    page.slug = slug
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_default_sections(home: Page, province: Province) -> list[Page]:
    """Create the missing sections under `home`; return them in menu order."""
    for index, (name, slug) in enumerate(DEFAULT_CATEGORIES):
        NewsCategory.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": index})
    office = province.office_name
    office_en = f"Social Security Office of {province.short_name}"
    intro = _section(
        home,
        "gioi-thieu",
        lambda: IntroductionPage(
            title="Giới thiệu",
            show_in_menus=True,
            functions=FUNCTIONS_VI.format(office=office),
            organisation=[("unit", {"name": n, "description": d, "sub_units": s}) for n, d, s in ORGANISATION],
            contacts=f"<p>{office}<br/>{province.address}<br/>Điện thoại: {province.phone}</p>",
        ),
    )
    _section(
        intro,
        "introduction",
        lambda: IntroductionPage(
            title="Introduction",
            language=IntroductionPage.Language.ENGLISH,
            functions=FUNCTIONS_EN.format(office_en=office_en),
            organisation=[
                (
                    "unit",
                    {"name": "Board of Directors", "description": "Director and Deputy Directors", "sub_units": []},
                ),
                (
                    "unit",
                    {
                        "name": "Functional divisions",
                        "description": "Advise the Director",
                        "sub_units": [
                            "Office",
                            "Contributions, books and cards",
                            "Benefits",
                            "Health insurance assessment",
                            "Planning and finance",
                            "Inspection",
                            "Communication and participant development",
                        ],
                    },
                ),
                (
                    "unit",
                    {
                        "name": "Local social security offices",
                        "description": "Serve communes and wards",
                        "sub_units": [],
                    },
                ),
            ],
            contacts=(
                f"<p>{office_en}<br/>{province.address}<br/>Phone: {province.phone}<br/>E-mail: {province.email}</p>"
            ),
        ),
    )
    sections = [
        intro,
        _section(home, "tin-tuc", lambda: NewsIndexPage(title="Tin tức", show_in_menus=True)),
        _section(home, "van-ban", lambda: DocumentIndexPage(title="Văn bản", show_in_menus=True)),
        _section(
            home, "thu-tuc-hanh-chinh", lambda: ProcedureIndexPage(title="Thủ tục hành chính", show_in_menus=True)
        ),
        _section(
            home,
            "dich-vu-cong",
            lambda: ContentPage(title="Dịch vụ công trực tuyến", show_in_menus=True, body=ONLINE_SERVICES_TEXT),
        ),
        _section(home, "he-thong-co-quan", lambda: _office_directory(province)),
        _section(
            home,
            "hoi-dap",
            lambda: QuestionIndexPage(
                title="Hỏi đáp",
                show_in_menus=True,
                intro="<p>Hỏi đáp về chính sách bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp và thủ tục.</p>",
            ),
        ),
        _section(home, "lay-y-kien-du-thao", lambda: ConsultationIndexPage(title="Lấy ý kiến dự thảo")),
        _section(home, "tra-cuu-the-bhyt", lambda: HealthCardLookupPage(title="Tra cứu thẻ BHYT")),
        ensure_access_to_information_section(home, province),
        _section(home, "lien-he", lambda: ContactPage(title="Liên hệ", show_in_menus=True)),
        _section(home, "so-do-cong", lambda: SiteMapPage(title="Sơ đồ cổng", show_in_menus=True)),
        _section(home, "tro-giup", lambda: ContentPage(title="Trợ giúp", body=HELP_TEXT)),
    ]
    return sections


def _office_directory(province: Province) -> OfficeDirectoryPage:
    page = OfficeDirectoryPage(title="Hệ thống cơ quan", show_in_menus=True)
    page.offices = [
        Office(
            name=province.office_name,
            kind=Office.Kind.PROVINCIAL,
            address=province.address or "Đang cập nhật",
            phone=province.phone,
            email=province.email,
        )
    ]
    return page
