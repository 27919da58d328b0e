"""Tin toàn ngành of the demo central site: three national articles that every demo province receives.

They are published before the demo provinces are onboarded (the first `make run`), so each province gets
them through its onboarding backlog, as a real province joining the platform does; the delivery matrix,
"Gỡ tin" and "Đính chính" then have something to show.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone
from django.utils.html import escape

from shared_apps.newsroom.pages.models import NationalNewsPage
from shared_apps.newsroom.services.sections import ensure_newsroom_sections

from .common import Tally, child_by_slug, publish_child
from .media import banner_png, ensure_image

CENTRE = "Bảo hiểm xã hội Việt Nam"
COLOUR = (0, 84, 166)


@dataclass(frozen=True)
class NationalArticle:
    slug: str
    title: str
    summary: str
    paragraphs: tuple[str, ...]
    banner: str  # the headline drawn on the featured image
    days_ago: int


NATIONAL_ARTICLES = (
    NationalArticle(
        slug="kham-chua-benh-bhyt-bang-can-cuoc-hoac-vneid",
        title="Đi khám, chữa bệnh bảo hiểm y tế chỉ cần thẻ căn cước hoặc ứng dụng VNeID",
        summary="Người tham gia bảo hiểm y tế có thể dùng thẻ căn cước gắn chip hoặc tài khoản định danh điện tử "
        "mức 2 trên VNeID thay cho thẻ bảo hiểm y tế giấy khi đi khám, chữa bệnh tại các cơ sở y tế trên cả nước.",
        paragraphs=(
            "Bảo hiểm xã hội Việt Nam đã phối hợp với Bộ Công an kết nối Cơ sở dữ liệu quốc gia về bảo hiểm với "
            "Cơ sở dữ liệu quốc gia về dân cư. Nhờ đó, cơ sở khám bệnh, chữa bệnh tra cứu được thông tin thẻ bảo "
            "hiểm y tế của người bệnh qua số định danh cá nhân.",
            "Khi đi khám, chữa bệnh, người dân xuất trình thẻ căn cước gắn chip hoặc hình ảnh thẻ bảo hiểm y tế "
            "trên ứng dụng VNeID, VssID. Trẻ em chưa có thẻ căn cước dùng số định danh cá nhân do cha, mẹ cung "
            "cấp.",
            "Nếu thông tin chưa hiển thị, người dân liên hệ Tổng đài 1900 9068 hoặc cơ quan bảo hiểm xã hội nơi cư "
            "trú để được hướng dẫn đồng bộ dữ liệu.",
        ),
        banner="Khám, chữa bệnh BHYT bằng thẻ căn cước",
        days_ago=2,
    ),
    NationalArticle(
        slug="tong-dai-1900-9068-ho-tro-nguoi-dan",
        title="Tổng đài 1900 9068 giải đáp chính sách bảo hiểm xã hội, bảo hiểm y tế",
        summary="Tổng đài chăm sóc khách hàng của ngành Bảo hiểm xã hội tiếp nhận câu hỏi về chế độ, thủ tục "
        "và tra cứu quá trình tham gia, trong giờ hành chính và qua hộp thư thoại ngoài giờ.",
        paragraphs=(
            "Người dân, doanh nghiệp gọi 1900 9068 để được giải đáp về tham gia và hưởng các chế độ bảo hiểm xã "
            "hội, bảo hiểm y tế, bảo hiểm thất nghiệp, cũng như cách dùng ứng dụng VssID và dịch vụ công trực "
            "tuyến.",
            "Để được hỗ trợ nhanh, người gọi chuẩn bị sẵn mã số bảo hiểm xã hội hoặc số định danh cá nhân. Tổng "
            "đài viên không bao giờ yêu cầu cung cấp mật khẩu hay mã xác thực (OTP).",
        ),
        banner="Tổng đài 1900 9068",
        days_ago=6,
    ),
    NationalArticle(
        slug="canh-giac-gia-mao-co-quan-bao-hiem-xa-hoi",
        title="Cảnh giác với các cuộc gọi, tin nhắn giả mạo cơ quan bảo hiểm xã hội",
        summary="Bảo hiểm xã hội Việt Nam khuyến cáo người dân không bấm vào đường dẫn lạ, không cài ứng dụng "
        "ngoài kho chính thức và không chuyển tiền theo yêu cầu của người tự xưng là cán bộ bảo hiểm xã hội.",
        paragraphs=(
            "Thời gian qua xuất hiện nhiều cuộc gọi, tin nhắn mạo danh cơ quan bảo hiểm xã hội, thông báo nợ tiền "
            "đóng, yêu cầu cập nhật thông tin hoặc hoàn tiền bảo hiểm y tế để lừa cài ứng dụng giả mạo và chiếm "
            "đoạt tài khoản ngân hàng.",
            "Cơ quan bảo hiểm xã hội không gọi điện yêu cầu chuyển tiền, không gửi đường dẫn cài ứng dụng qua tin "
            "nhắn. Ứng dụng VssID chỉ tải từ App Store và Google Play. Khi nghi ngờ, người dân gọi 1900 9068 hoặc "
            "đến cơ quan bảo hiểm xã hội gần nhất để xác minh.",
        ),
        banner="Cảnh giác giả mạo cơ quan BHXH",
        days_ago=12,
    ),
)


def ensure_national_news() -> Tally:
    """Publish the national articles missing under "Tin toàn ngành" (public schema), oldest first, back-dated."""
    index, _ = ensure_newsroom_sections()
    tally = Tally("Tin toàn ngành")
    now = timezone.localtime()
    for article in sorted(NATIONAL_ARTICLES, key=lambda item: -item.days_ago):
        existing = child_by_slug(index, article.slug)
        if existing is None:
            image = ensure_image(
                f"Ảnh tin toàn ngành: {article.title}",
                lambda article=article: banner_png(article.banner, "Tin toàn ngành", CENTRE, COLOUR),
            )
            page = NationalNewsPage(
                title=article.title,
                slug=article.slug,
                summary=article.summary,
                body="".join(f"<p>{escape(paragraph)}</p>" for paragraph in article.paragraphs),
                featured_image=image,
                featured_image_alt=f"Ảnh đồ họa tin toàn ngành với dòng chữ «{article.banner}»",
                author="Ban Tuyên truyền",
                source=CENTRE,
            )
            published_at = (now - timedelta(days=article.days_ago)).replace(hour=9, minute=0, second=0, microsecond=0)
            publish_child(index, page, published_at)
        tally.count(created=existing is None)
    return tally
