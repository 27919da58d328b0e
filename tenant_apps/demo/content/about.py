"""Giới thiệu: the leadership with portrait placeholders, the history and contacts, in Vietnamese and English."""

from __future__ import annotations

from django.utils.html import escape
from wagtail.images.models import AbstractImage

from tenant_apps.about.models import IntroductionPage, Leader

from .common import NATIONAL_HOTLINE, Context, Tally, child_by_slug
from .media import ensure_image, portrait_png
from .profiles import LeaderProfile

# role -> (position, responsibilities, position in English, responsibilities in English)
RESPONSIBILITIES = {
    "director": (
        "Giám đốc",
        "Lãnh đạo, điều hành chung mọi hoạt động của cơ quan; trực tiếp phụ trách công tác tổ chức cán bộ, kế hoạch "
        "- tài chính, thanh tra - kiểm tra.",
        "Director",
        "Leads the office; directly in charge of personnel, planning and finance, and inspection.",
    ),
    "collection": (
        "Phó Giám đốc",
        "Phụ trách công tác thu, cấp sổ bảo hiểm xã hội, thẻ bảo hiểm y tế; truyền thông và phát triển người tham gia.",
        "Deputy Director",
        "In charge of contributions, social insurance books and health insurance cards, communication and "
        "participant development.",
    ),
    "benefits": (
        "Phó Giám đốc",
        "Phụ trách công tác giải quyết, chi trả các chế độ bảo hiểm xã hội, bảo hiểm thất nghiệp; công nghệ thông "
        "tin và chuyển đổi số.",
        "Deputy Director",
        "In charge of social and unemployment insurance benefits and their payment, information technology and "
        "digital transformation.",
    ),
    "health": (
        "Phó Giám đốc",
        "Phụ trách công tác giám định bảo hiểm y tế, thanh toán chi phí khám bệnh, chữa bệnh bảo hiểm y tế; văn "
        "phòng và cải cách hành chính.",
        "Deputy Director",
        "In charge of health insurance assessment and the payment of medical costs, the office and administrative "
        "reform.",
    ),
    "benefits_health": (
        "Phó Giám đốc",
        "Phụ trách công tác giải quyết, chi trả các chế độ bảo hiểm xã hội, bảo hiểm thất nghiệp; giám định bảo hiểm "
        "y tế; công nghệ thông tin.",
        "Deputy Director",
        "In charge of social and unemployment insurance benefits, health insurance assessment and information "
        "technology.",
    ),
}


def ensure_introduction(intro: IntroductionPage, ctx: Context) -> Tally:
    """Give the Vietnamese page and its English child leaders, history and contacts, once."""
    portraits = {leader.name: _portrait(leader, ctx) for leader in ctx.profile.leaders}
    created = _fill(intro, ctx, portraits, english=False)
    english = child_by_slug(intro, "introduction")
    if isinstance(english, IntroductionPage):
        _fill(english, ctx, portraits, english=True)
    total = Leader.objects.filter(page=intro).count()
    return Tally("lãnh đạo", total=total, created=total if created else 0)


def _fill(page: IntroductionPage, ctx: Context, portraits: dict[str, AbstractImage], english: bool) -> bool:
    """Add leaders, history and contacts to a page that has no leaders yet; True if it did."""
    if page.leaders.exists():
        return False
    leaders = []
    for position, leader in enumerate(ctx.profile.leaders):
        title, duties, title_en, duties_en = RESPONSIBILITIES[leader.role]
        leaders.append(
            Leader(
                name=leader.name,
                position=title_en if english else title,
                responsibilities=duties_en if english else duties,
                photo=portraits[leader.name],
                sort_order=position,
            )
        )
    page.leaders = leaders
    if not page.history:
        page.history = ctx.profile.history_en if english else ctx.fill(ctx.profile.history)
    page.contacts = _contacts_en(ctx) if english else _contacts(ctx)
    page.save_revision().publish()
    return True


def _portrait(leader: LeaderProfile, ctx: Context) -> AbstractImage:
    words = leader.name.split()
    initials = f"{words[0][0]}{words[-1][0]}".upper()
    return ensure_image(f"Ảnh chân dung: {leader.name}", lambda: portrait_png(initials, ctx.profile.colour))


def _contacts(ctx: Context) -> str:
    province = ctx.province
    lines = [
        f"<b>{escape(province.office_name)}</b>",
        f"Địa chỉ: {escape(province.address)}",
        f"Điện thoại: {escape(province.phone)} – Tổng đài hỗ trợ: {NATIONAL_HOTLINE}",
        f"Thư điện tử: {escape(province.email)}",
        f"Giờ làm việc: {escape(ctx.profile.working_hours)}",
    ]
    return f"<p>{'<br/>'.join(lines)}</p>"


def _contacts_en(ctx: Context) -> str:
    province = ctx.province
    lines = [
        f"<b>Social Security Office of {escape(ctx.profile.name_en)}</b>",
        f"Address: {escape(province.address)}",
        f"Phone: {escape(province.phone)} – Vietnam Social Security hotline: {NATIONAL_HOTLINE}",
        f"E-mail: {escape(province.email)}",
        f"Working hours: {escape(ctx.profile.working_hours_en)}",
    ]
    return f"<p>{'<br/>'.join(lines)}</p>"
