"""The central app's steps for the kernel's hook points (tenants/steps.py): the central site's home page,
the Wagtail site on it and the pages its footer links to, when `ensure_central_site()` sets up the
public schema."""

from wagtail import hooks
from wagtail.models import Page

from tenants.services import CENTRAL_OFFICE_NAME, ensure_default_site, remove_wagtail_placeholder
from tenants.steps import ONBOARD_CENTRAL_SITE, Onboarding

from .models import CentralContentPage, CentralHomePage, CentralSiteMapPage


@hooks.register(ONBOARD_CENTRAL_SITE, order=100)
def create_home_page(onboarding: Onboarding) -> None:
    home = CentralHomePage.objects.first()
    if home is None:
        root = remove_wagtail_placeholder()
        home = CentralHomePage(
            title=CENTRAL_OFFICE_NAME,
            slug="trang-chu",
            intro="<p>Hệ thống trang thông tin điện tử của Bảo hiểm xã hội các tỉnh, thành phố.</p>",
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        onboarding.report("Trang chủ Trung ương: tạo mới")
    onboarding.root_page = home


@hooks.register(ONBOARD_CENTRAL_SITE, order=120)
def create_site(onboarding: Onboarding) -> None:
    ensure_default_site(onboarding.root_page, onboarding.province, onboarding.report)


# The pages the footer links to on every site (components/footer.html): slug, title, language, body.
FOOTER_PAGES = [
    (
        "lien-he",
        "Liên hệ",
        "vi",
        "<h2>Bảo hiểm xã hội Việt Nam</h2>"
        "<p>Địa chỉ: Số 7 Tràng Thi, phường Hoàn Kiếm, thành phố Hà Nội</p>"
        "<p>Tổng đài hỗ trợ: 1900 9068</p>"
        "<h2>Giờ làm việc</h2><p>Thứ Hai đến Thứ Sáu: 7 giờ 30 – 11 giờ 30 và 13 giờ 00 – 16 giờ 30.</p>"
        "<p>Câu hỏi về chính sách BHXH, BHYT tại địa phương: hãy gửi trên trang của Bảo hiểm xã hội tỉnh, "
        "thành phố nơi bạn ở (danh sách ở trang chủ).</p>",
    ),
    (
        "tro-giup",
        "Trợ giúp",
        "vi",
        "<h2>Sử dụng trang</h2><ul>"
        "<li>Phím tắt: 1 về trang chủ, 3 mở sơ đồ cổng, 4 đến ô tìm kiếm.</li>"
        "<li>Cỡ chữ: dùng các nút A−, A, A+ ở đầu trang.</li>"
        "<li>Trang dùng được trên điện thoại và không cần JavaScript.</li></ul>"
        "<h2>Cần hỗ trợ thêm?</h2><p>Gọi tổng đài 1900 9068 (trong giờ làm việc).</p>",
    ),
    (
        "gioi-thieu",
        "Giới thiệu",
        "vi",
        "<p>Bảo hiểm xã hội Việt Nam là cơ quan thuộc Chính phủ, tổ chức thực hiện "
        "các chế độ, chính sách bảo hiểm xã hội, bảo hiểm thất nghiệp, bảo hiểm y tế.</p>",
    ),
]
ENGLISH_INTRODUCTION = (
    "introduction",
    "Introduction",
    "en",
    "<p>Viet Nam Social Security is a government agency that implements social insurance, unemployment "
    "insurance and health insurance policies, and manages the funds of these schemes.</p>"
    "<p>Each province and centrally governed city has its own Social Security office and website; the list "
    "is on the home page. Hotline: 1900 9068.</p>",
)


def _child(parent, slug: str, title: str, language: str, body: str, report) -> Page:
    page = parent.get_children().filter(slug=slug).first()
    if page is None:
        page = CentralContentPage(title=title, slug=slug, language=language, body=body)
        parent.add_child(instance=page)
        page.save_revision().publish()
        report(f"Trang Trung ương «{title}»: tạo mới")
    return page


@hooks.register(ONBOARD_CENTRAL_SITE, order=140)
def create_footer_pages(onboarding: Onboarding) -> None:
    """Liên hệ, Trợ giúp, Giới thiệu (with its English introduction) and Sơ đồ cổng: the footer's links."""
    home = onboarding.root_page
    pages = {slug: _child(home, slug, title, lang, body, onboarding.report) for slug, title, lang, body in FOOTER_PAGES}
    _child(pages["gioi-thieu"], *ENGLISH_INTRODUCTION, onboarding.report)
    if not home.get_children().filter(slug="so-do-cong").exists():
        site_map = CentralSiteMapPage(title="Sơ đồ cổng", slug="so-do-cong")
        home.add_child(instance=site_map)
        site_map.save_revision().publish()
        onboarding.report("Trang Trung ương «Sơ đồ cổng»: tạo mới")
