"""Dịch vụ công trực tuyến: one request type the demo province receives online, linked from the section."""

from __future__ import annotations

from wagtail.models import Page

from tenant_apps.online_services.models import ServiceRequestFormField, ServiceRequestPage

from .common import Context, Tally, child_by_slug, publish_child

SLUG = "dang-ky-tham-gia-bhyt-ho-gia-dinh"
TITLE = "Đăng ký tham gia BHYT hộ gia đình"
INTRO = (
    "<p>Hộ gia đình đăng ký tham gia bảo hiểm y tế theo hộ gửi tờ khai TK1-TS trực tuyến. {office} kiểm tra hồ sơ, "
    "báo số tiền phải đóng và hẹn ngày nhận thẻ BHYT qua điện thoại hoặc thư điện tử.</p>"
)
# (label, field type, required, choices, help text)
FIELDS = (
    ("Địa chỉ thường trú của hộ", "singleline", True, "", "Số nhà, đường, xã/phường."),
    ("Số người trong hộ đăng ký tham gia", "number", True, "", ""),
    ("Phương thức đóng", "radio", True, "3 tháng\n6 tháng\n12 tháng", ""),
    ("Tờ khai TK1-TS đã ký (bản chụp hoặc bản quét)", "file", True, "", ""),
)
SECTION_LINKS = (
    '<h2>Nộp yêu cầu trực tuyến tại cổng của tỉnh</h2><ul><li><a linktype="page" id="{page_id}">{title}</a></li></ul>'
    '<p>Đã nộp? <a href="/tra-cuu-dich-vu-cong/">Tra cứu tình trạng hồ sơ</a> bằng mã hồ sơ và số điện thoại.</p>'
)


def ensure_service_requests(section: Page, ctx: Context) -> Tally:
    """Create the demo request type under the «Dịch vụ công trực tuyến» section, and link it there once."""
    tally = Tally("loại yêu cầu dịch vụ công")
    page = child_by_slug(section, SLUG)
    created = page is None
    if created:
        page = ServiceRequestPage(
            title=TITLE,
            slug=SLUG,
            intro=ctx.fill(INTRO),
            processing_time="05 ngày làm việc",
            require_id_number=True,
            form_fields=[
                ServiceRequestFormField(
                    sort_order=position,
                    label=label,
                    field_type=kind,
                    required=required,
                    choices=choices,
                    help_text=hint,
                )
                for position, (label, kind, required, choices, hint) in enumerate(FIELDS)
            ],
        )
        publish_child(section, page)
        if hasattr(section, "body"):
            section.body = (section.body or "") + SECTION_LINKS.format(page_id=page.pk, title=TITLE)
            section.save_revision().publish()
    tally.count(created)
    return tally
