"""Tin tức: nine articles per province over the last two months, in three categories."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.html import escape

from tenant_apps.news.models import NewsCategory, NewsIndexPage, NewsPage

from .common import Context, Tally, child_by_slug, publish_child, set_intro_once
from .media import banner_png, ensure_image

POLICY_CATEGORY = ("Chính sách mới", "chinh-sach-moi")
CATEGORY_COLOURS = {
    "chinh-sach-moi": (163, 29, 43),
    "tin-hoat-dong-nganh": (0, 84, 166),
    "tin-dia-phuong": (0, 122, 94),
}
INDEX_INTRO = (
    "<p>Tin tức về hoạt động của {office}, chính sách mới về bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất "
    "nghiệp và các hoạt động tại các xã, phường trên địa bàn.</p>"
)


@dataclass(frozen=True)
class Article:
    slug: str
    category: str
    title: str
    summary: str
    paragraphs: tuple[str, ...]
    banner: str  # the headline drawn on the featured image
    author: str
    source: str
    tags: tuple[str, ...]
    days_ago: int
    featured: bool = False
    related: tuple[str, ...] = ()  # slugs of earlier articles


ARTICLES = (
    Article(
        slug="nhung-diem-moi-cua-luat-bao-hiem-xa-hoi-nam-2024",
        category="chinh-sach-moi",
        title="Những điểm mới của Luật Bảo hiểm xã hội năm 2024 người lao động cần biết",
        summary="Luật Bảo hiểm xã hội số 41/2024/QH15, có hiệu lực từ ngày 01/7/2025, mở rộng đối tượng tham gia "
        "bắt buộc, giảm số năm đóng tối thiểu để hưởng lương hưu xuống 15 năm và bổ sung trợ cấp hưu trí xã hội.",
        paragraphs=(
            "Luật Bảo hiểm xã hội số 41/2024/QH15 được Quốc hội khóa XV thông qua ngày 29/6/2024, có hiệu lực thi "
            "hành từ ngày 01/7/2025, thay thế Luật Bảo hiểm xã hội số 58/2014/QH13. Luật được xây dựng theo hướng "
            "mở rộng diện bao phủ, tăng tính hấp dẫn của chính sách và bảo đảm tốt hơn quyền lợi của người tham gia.",
            "Một trong những điểm mới đáng chú ý là mở rộng đối tượng tham gia bảo hiểm xã hội bắt buộc, như chủ hộ "
            "kinh doanh có đăng ký kinh doanh, người quản lý doanh nghiệp không hưởng tiền lương, người lao động làm "
            "việc không trọn thời gian có tiền lương từ mức làm căn cứ đóng thấp nhất trở lên.",
            "Điều kiện về thời gian đóng để hưởng lương hưu được giảm từ 20 năm xuống 15 năm, tạo cơ hội cho người "
            "tham gia muộn vẫn được hưởng lương hưu. Luật bổ sung chế độ trợ cấp hưu trí xã hội dành cho người cao "
            "tuổi không có lương hưu, hình thành hệ thống bảo hiểm xã hội đa tầng.",
            "Người tham gia bảo hiểm xã hội tự nguyện được hưởng thêm trợ cấp thai sản; người đủ tuổi nghỉ hưu nhưng "
            "chưa đủ điều kiện hưởng lương hưu có thể lựa chọn nhận trợ cấp hằng tháng từ chính khoản đã đóng.",
            "{office} đề nghị người lao động và đơn vị sử dụng lao động chủ động tìm hiểu các quy định mới; khi cần "
            "hỗ trợ, liên hệ Tổng đài {hotline}, bộ phận một cửa của cơ quan bảo hiểm xã hội hoặc ứng dụng VssID.",
        ),
        banner="Luật Bảo hiểm xã hội năm 2024: những điểm mới",
        author="Minh Anh",
        source="Bảo hiểm xã hội Việt Nam",
        tags=("Luật Bảo hiểm xã hội", "chính sách mới", "lương hưu"),
        days_ago=56,
        featured=True,
    ),
    Article(
        slug="nguoi-tham-gia-bhxh-tu-nguyen-duoc-huong-che-do-thai-san",
        category="chinh-sach-moi",
        title="Người tham gia bảo hiểm xã hội tự nguyện được hưởng chế độ thai sản",
        summary="Từ ngày 01/7/2025, người tham gia bảo hiểm xã hội tự nguyện được bổ sung trợ cấp thai sản "
        "2.000.000 đồng cho mỗi con khi đáp ứng điều kiện về thời gian đóng.",
        paragraphs=(
            "Theo Luật Bảo hiểm xã hội số 41/2024/QH15, từ ngày 01/7/2025 chế độ trợ cấp thai sản được bổ sung vào "
            "chính sách bảo hiểm xã hội tự nguyện. Đây là điểm mới giúp chính sách thiết thực hơn với lao động tự "
            "do, lao động trong khu vực phi chính thức.",
            "Lao động nữ sinh con được hưởng trợ cấp thai sản 2.000.000 đồng cho mỗi con khi đáp ứng điều kiện về "
            "thời gian đóng bảo hiểm xã hội tự nguyện trước khi sinh theo quy định.",
            "Người tham gia tiếp tục được Nhà nước hỗ trợ một phần tiền đóng tùy theo đối tượng (hộ nghèo, hộ cận "
            "nghèo và các đối tượng khác) và được lựa chọn phương thức đóng linh hoạt: hằng tháng, 3 tháng, 6 tháng, "
            "12 tháng một lần hoặc đóng một lần cho nhiều năm về sau.",
            "Người dân có thể đăng ký tại các điểm thu của tổ chức dịch vụ thu, bưu điện, cơ quan bảo hiểm xã hội "
            "hoặc trực tuyến trên Cổng Dịch vụ công quốc gia, ứng dụng VssID. Mọi thắc mắc xin liên hệ {office} "
            "hoặc Tổng đài {hotline}.",
        ),
        banner="Bảo hiểm xã hội tự nguyện có thêm chế độ thai sản",
        author="Hoàng Lan",
        source="Bảo hiểm xã hội Việt Nam",
        tags=("BHXH tự nguyện", "thai sản", "chính sách mới"),
        days_ago=49,
        related=("nhung-diem-moi-cua-luat-bao-hiem-xa-hoi-nam-2024",),
    ),
    Article(
        slug="luat-bao-hiem-y-te-sua-doi-nguoi-benh-thuan-loi-hon",
        category="chinh-sach-moi",
        title="Luật Bảo hiểm y tế sửa đổi: người bệnh thuận lợi hơn khi khám, chữa bệnh",
        summary="Luật số 51/2024/QH15 sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế có hiệu lực từ ngày "
        "01/7/2025, tổ chức khám, chữa bệnh bảo hiểm y tế theo cấp chuyên môn kỹ thuật thay cho tuyến.",
        paragraphs=(
            "Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế số 51/2024/QH15 được Quốc hội thông qua ngày "
            "27/11/2024 và có hiệu lực từ ngày 01/7/2025. Luật tiếp tục hoàn thiện chính sách theo hướng mở rộng "
            "quyền lợi, tạo thuận lợi cho người tham gia bảo hiểm y tế.",
            "Việc khám bệnh, chữa bệnh bảo hiểm y tế được tổ chức theo ba cấp chuyên môn kỹ thuật: cấp ban đầu, "
            "cấp cơ bản và cấp chuyên sâu, thay cho cách phân tuyến trước đây. Người bệnh mắc một số bệnh hiếm, "
            "bệnh hiểm nghèo theo danh mục do Bộ Y tế quy định được đến thẳng cơ sở cấp cơ bản hoặc chuyên sâu.",
            "Luật cũng bổ sung một số nhóm đối tượng tham gia và điều chỉnh quy định về trách nhiệm đóng, phạm vi "
            "quyền lợi, hướng tới mục tiêu bảo hiểm y tế toàn dân.",
            "{office} khuyến nghị người tham gia khi đi khám, chữa bệnh mang theo thẻ căn cước hoặc sử dụng ứng dụng "
            "VNeID, VssID thay cho thẻ bảo hiểm y tế giấy và thực hiện đúng thủ tục để được hưởng đầy đủ quyền lợi.",
        ),
        banner="Luật Bảo hiểm y tế sửa đổi có hiệu lực từ 01/7/2025",
        author="Quốc Huy",
        source="Bảo hiểm xã hội Việt Nam",
        tags=("BHYT", "Luật Bảo hiểm y tế", "khám chữa bệnh"),
        days_ago=42,
        related=("nhung-diem-moi-cua-luat-bao-hiem-xa-hoi-nam-2024",),
    ),
    Article(
        slug="kham-chua-benh-bhyt-bang-the-can-cuoc-va-vneid",
        category="tin-hoat-dong-nganh",
        title="Đẩy mạnh khám, chữa bệnh bảo hiểm y tế bằng thẻ căn cước và ứng dụng VNeID",
        summary="{office} phối hợp với các cơ sở khám, chữa bệnh tiếp tục triển khai tra cứu thông tin thẻ bảo hiểm "
        "y tế bằng thẻ căn cước gắn chíp và tài khoản định danh điện tử, giúp người bệnh giảm thời gian chờ đợi.",
        paragraphs=(
            "Thực hiện Đề án 06 của Chính phủ về phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện "
            "tử, {office} đã phối hợp với Sở Y tế và các cơ sở khám bệnh, chữa bệnh trên địa bàn triển khai khám, "
            "chữa bệnh bảo hiểm y tế bằng thẻ căn cước gắn chíp và ứng dụng VNeID.",
            "Khi đến khám, người bệnh chỉ cần xuất trình thẻ căn cước hoặc hình ảnh thẻ bảo hiểm y tế trên ứng dụng "
            "VNeID, VssID; cơ sở khám, chữa bệnh tra cứu thông tin thẻ qua hệ thống của Bảo hiểm xã hội Việt Nam. "
            "Cách làm này rút ngắn thời gian đón tiếp và hạn chế việc mất, hỏng thẻ giấy.",
            "Nhiều bệnh viện, trung tâm y tế và trạm y tế xã, phường trên địa bàn {city} đã áp dụng hình thức này; "
            "các trường hợp sai lệch thông tin được cơ quan bảo hiểm xã hội hướng dẫn điều chỉnh ngay.",
            "Thời gian tới, {office} tiếp tục phối hợp với ngành y tế, công an kịp thời xử lý vướng mắc về dữ liệu, "
            "bảo đảm quyền lợi của người tham gia bảo hiểm y tế.",
        ),
        banner="Khám bệnh bảo hiểm y tế bằng thẻ căn cước, VNeID",
        author="Thanh Tâm",
        source="{office}",
        tags=("BHYT", "chuyển đổi số", "VNeID", "Đề án 06"),
        days_ago=35,
        related=("luat-bao-hiem-y-te-sua-doi-nguoi-benh-thuan-loi-hon",),
    ),
    Article(
        slug="doi-thoai-thao-go-vuong-mac-cho-doanh-nghiep",
        category="tin-hoat-dong-nganh",
        title="Đối thoại, tháo gỡ vướng mắc về bảo hiểm xã hội cho doanh nghiệp tại {industrial_zone}",
        summary="{office} tổ chức hội nghị đối thoại với các doanh nghiệp tại {industrial_zone}, giải đáp vướng mắc "
        "về thu, cấp sổ, thẻ và giải quyết chế độ bảo hiểm xã hội theo quy định mới.",
        paragraphs=(
            "Hội nghị do {office} phối hợp với ban quản lý khu công nghiệp và tổ chức công đoàn tổ chức, thu hút đại "
            "diện nhiều doanh nghiệp đang hoạt động tại {industrial_zone} tham dự.",
            "Đại diện các phòng nghiệp vụ đã thông tin những nội dung mới của Luật Bảo hiểm xã hội năm 2024 và Nghị "
            "định số 158/2025/NĐ-CP: tiền lương làm căn cứ đóng, trách nhiệm đăng ký tham gia, thời hạn đóng và các "
            "biện pháp xử lý hành vi chậm đóng, trốn đóng.",
            "Các ý kiến của doanh nghiệp về điều chỉnh thông tin người lao động, giải quyết chế độ ốm đau, thai sản "
            "và giao dịch điện tử đã được giải đáp trực tiếp; nội dung vượt thẩm quyền được tổng hợp, báo cáo cấp "
            "trên.",
            "Phát biểu kết luận, Phó Giám đốc {collection_deputy} đề nghị doanh nghiệp đóng bảo hiểm xã hội, bảo "
            "hiểm y tế, bảo hiểm thất nghiệp đầy đủ, đúng hạn cho người lao động; cơ quan bảo hiểm xã hội tiếp tục "
            "cải cách thủ tục hành chính và hỗ trợ doanh nghiệp kịp thời.",
        ),
        banner="Đối thoại với doanh nghiệp về chính sách bảo hiểm xã hội",
        author="Minh Anh",
        source="{office}",
        tags=("doanh nghiệp", "đối thoại", "thu BHXH"),
        days_ago=27,
        featured=True,
        related=("nhung-diem-moi-cua-luat-bao-hiem-xa-hoi-nam-2024",),
    ),
    Article(
        slug="chi-tra-luong-huu-tro-cap-qua-tai-khoan-ca-nhan",
        category="tin-hoat-dong-nganh",
        title="Nhận lương hưu, trợ cấp bảo hiểm xã hội qua tài khoản cá nhân: an toàn, thuận tiện",
        summary="Ngày càng nhiều người hưởng lương hưu, trợ cấp bảo hiểm xã hội trên địa bàn {city} chọn nhận tiền "
        "qua tài khoản cá nhân, nhận đủ, kịp thời mà không phải đến điểm chi trả.",
        paragraphs=(
            "Thực hiện chủ trương đẩy mạnh thanh toán không dùng tiền mặt, {office} phối hợp với các ngân hàng "
            "thương mại và {post_office} hướng dẫn người hưởng chuyển sang nhận lương hưu, trợ cấp qua tài khoản.",
            "Nhận tiền qua tài khoản giúp người hưởng chủ động thời gian, không phải xếp hàng tại điểm chi trả và "
            "hạn chế rủi ro khi mang theo tiền mặt.",
            "Người có nhu cầu thay đổi hình thức nhận liên hệ cơ quan bảo hiểm xã hội nơi đang hưởng hoặc thực hiện "
            "trên ứng dụng VssID, cung cấp số tài khoản chính chủ. Người hưởng tuyệt đối không cung cấp mật khẩu, "
            "mã OTP cho bất kỳ ai, kể cả người tự xưng là cán bộ bảo hiểm xã hội.",
            "Với người cao tuổi, người có hoàn cảnh đặc biệt chưa thể sử dụng tài khoản, cơ quan bảo hiểm xã hội và "
            "bưu điện tiếp tục chi trả bằng tiền mặt tại điểm chi trả hoặc tại nhà theo quy định.",
        ),
        banner="Nhận lương hưu qua tài khoản: an toàn, thuận tiện",
        author="Phương Thảo",
        source="{office}",
        tags=("lương hưu", "thanh toán không dùng tiền mặt", "chi trả"),
        days_ago=20,
    ),
    Article(
        slug="day-manh-giao-dich-dien-tu-dich-vu-cong-truc-tuyen",
        category="tin-hoat-dong-nganh",
        title="Đẩy mạnh giao dịch điện tử, dịch vụ công trực tuyến lĩnh vực bảo hiểm xã hội",
        summary="Các thủ tục về bảo hiểm xã hội, bảo hiểm y tế được cung cấp trên Cổng Dịch vụ công quốc gia; "
        "{office} khuyến khích người dân, doanh nghiệp giao dịch trực tuyến để tiết kiệm thời gian, chi phí.",
        paragraphs=(
            "Phần lớn hồ sơ của đơn vị sử dụng lao động đã được {office} tiếp nhận qua giao dịch điện tử. Người dân "
            "cũng có thể thực hiện trực tuyến nhiều thủ tục như đăng ký bảo hiểm xã hội tự nguyện, gia hạn thẻ bảo "
            "hiểm y tế hộ gia đình, cấp lại thẻ bảo hiểm y tế, hưởng bảo hiểm xã hội một lần.",
            "Ứng dụng VssID – Bảo hiểm xã hội số cho phép tra cứu quá trình đóng, thông tin hưởng, sử dụng thẻ bảo "
            "hiểm y tế trên ứng dụng và thực hiện một số dịch vụ công; người dùng có thể đăng nhập bằng tài khoản "
            "định danh điện tử VNeID.",
            "Bảo hiểm xã hội cơ sở bố trí cán bộ tại bộ phận một cửa, phối hợp với trung tâm phục vụ hành chính công "
            "các xã, phường hướng dẫn người dân thao tác trên Cổng Dịch vụ công quốc gia.",
            "Người dân, doanh nghiệp cần hỗ trợ liên hệ Tổng đài {hotline} hoặc bộ phận tiếp nhận hồ sơ của cơ quan "
            "bảo hiểm xã hội gần nhất.",
        ),
        banner="Giao dịch điện tử, dịch vụ công trực tuyến",
        author="Quốc Huy",
        source="{office}",
        tags=("dịch vụ công trực tuyến", "VssID", "chuyển đổi số"),
        days_ago=14,
        related=("kham-chua-benh-bhyt-bang-the-can-cuoc-va-vneid", "chi-tra-luong-huu-tro-cap-qua-tai-khoan-ca-nhan"),
    ),
    Article(
        slug="tuyen-truyen-bhxh-tu-nguyen-bhyt-ho-gia-dinh",
        category="tin-dia-phuong",
        title="Tuyên truyền bảo hiểm xã hội tự nguyện, bảo hiểm y tế hộ gia đình tại {event_ward}",
        summary="{office} phối hợp với Ủy ban nhân dân {event_ward} tổ chức hội nghị tuyên truyền trực tiếp chính "
        "sách bảo hiểm xã hội tự nguyện và bảo hiểm y tế hộ gia đình tới người dân.",
        paragraphs=(
            "Hội nghị thu hút đông đảo người dân tham dự, chủ yếu là lao động tự do, tiểu thương và hội viên các đoàn "
            "thể trên địa bàn {event_ward}.",
            "Báo cáo viên đã giới thiệu những điểm mới của Luật Bảo hiểm xã hội năm 2024 đối với người tham gia tự "
            "nguyện: trợ cấp thai sản, số năm đóng tối thiểu để hưởng lương hưu giảm xuống 15 năm, hỗ trợ tiền đóng "
            "của Nhà nước; đồng thời phân tích lợi ích của bảo hiểm y tế hộ gia đình.",
            "Người dân được giải đáp trực tiếp về cách tính mức đóng, phương thức đóng và quyền lợi khi tham gia. "
            "Ngay tại hội nghị, nhiều người đã đăng ký tham gia bảo hiểm xã hội tự nguyện và bảo hiểm y tế hộ gia "
            "đình.",
            "Thời gian tới, {office} tiếp tục phối hợp với chính quyền các xã, phường và tổ chức dịch vụ thu tổ chức "
            "các hội nghị tương tự, góp phần mở rộng diện bao phủ bảo hiểm xã hội, bảo hiểm y tế.",
        ),
        banner="Tuyên truyền bảo hiểm xã hội tự nguyện tại cơ sở",
        author="Hoàng Lan",
        source="{office}",
        tags=("BHXH tự nguyện", "BHYT hộ gia đình", "tuyên truyền"),
        days_ago=8,
        related=(
            "nguoi-tham-gia-bhxh-tu-nguyen-duoc-huong-che-do-thai-san",
            "nhung-diem-moi-cua-luat-bao-hiem-xa-hoi-nam-2024",
        ),
    ),
    Article(
        slug="trao-tang-so-bhxh-the-bhyt-cho-nguoi-co-hoan-canh-kho-khan",
        category="tin-dia-phuong",
        title="Trao tặng sổ bảo hiểm xã hội, thẻ bảo hiểm y tế cho người có hoàn cảnh khó khăn tại {gift_ward}",
        summary="{office} phối hợp với {post_office} và chính quyền địa phương trao tặng sổ bảo hiểm xã hội tự "
        "nguyện, thẻ bảo hiểm y tế cho người dân có hoàn cảnh khó khăn tại {gift_ward}.",
        paragraphs=(
            "Các sổ bảo hiểm xã hội và thẻ bảo hiểm y tế được trao tặng từ nguồn đóng góp của công chức, viên chức, "
            "người lao động ngành bảo hiểm xã hội cùng các nhà hảo tâm, doanh nghiệp trên địa bàn.",
            "Người được nhận là người cao tuổi, người khuyết tật, thành viên hộ gia đình có hoàn cảnh khó khăn chưa "
            "có điều kiện tham gia, do Ủy ban nhân dân và Ủy ban Mặt trận Tổ quốc Việt Nam {gift_ward} lựa chọn, "
            "giới thiệu.",
            "Phát biểu tại buổi trao tặng, đại diện lãnh đạo {office} chia sẻ: món quà không chỉ hỗ trợ người dân "
            "khi ốm đau, tuổi già mà còn lan tỏa ý nghĩa nhân văn của chính sách bảo hiểm xã hội, bảo hiểm y tế.",
            "Chương trình trao tặng sổ bảo hiểm xã hội, thẻ bảo hiểm y tế cho người có hoàn cảnh khó khăn do Bảo hiểm "
            "xã hội Việt Nam phát động, được các cơ quan, doanh nghiệp và người dân hưởng ứng rộng rãi.",
        ),
        banner="Trao tặng sổ bảo hiểm xã hội, thẻ bảo hiểm y tế",
        author="Phương Thảo",
        source="{office}",
        tags=("an sinh xã hội", "trao tặng sổ BHXH", "BHYT"),
        days_ago=3,
        related=("tuyen-truyen-bhxh-tu-nguyen-bhyt-ho-gia-dinh",),
    ),
)


def ensure_policy_category() -> tuple[NewsCategory, bool]:
    """The editor-defined category the demo adds beside the default ones."""
    name, slug = POLICY_CATEGORY
    return NewsCategory.objects.get_or_create(
        slug=slug,
        defaults={
            "name": name,
            "description": "Văn bản, chính sách mới về bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp.",
            "sort_order": NewsCategory.objects.count(),
        },
    )


def ensure_news(index: NewsIndexPage, ctx: Context) -> Tally:
    """Create the articles missing under the news index, oldest first, back-dated."""
    set_intro_once(index, ctx.fill(INDEX_INTRO))
    ensure_policy_category()
    categories = {category.slug: category for category in NewsCategory.objects.all()}
    tally = Tally("tin tức")
    now = timezone.localtime()
    for number, article in enumerate(sorted(ARTICLES, key=lambda item: -item.days_ago)):
        existing = child_by_slug(index, article.slug)
        if existing is None:
            published_at = (now - timedelta(days=article.days_ago)).replace(
                hour=8 + number % 8, minute=(number * 17) % 60, second=0, microsecond=0
            )
            _create_article(index, article, categories[article.category], published_at, ctx)
        tally.count(created=existing is None)
    return tally


def _create_article(
    index: NewsIndexPage, article: Article, category: NewsCategory, published_at: datetime, ctx: Context
) -> NewsPage:
    title = ctx.fill(article.title)
    image = ensure_image(
        f"Ảnh bài viết: {title}",
        lambda: banner_png(
            ctx.fill(article.banner), category.name, ctx.province.office_name, CATEGORY_COLOURS[article.category]
        ),
    )
    page = NewsPage(
        title=title,
        slug=article.slug,
        category=category,
        summary=ctx.fill(article.summary),
        body="".join(f"<p>{escape(ctx.fill(paragraph))}</p>" for paragraph in article.paragraphs),
        is_featured=article.featured,
        featured_image=image,
        featured_image_alt=f"Ảnh đồ họa chuyên mục {category.name} với dòng chữ «{ctx.fill(article.banner)}»",
        author=article.author,
        source=ctx.fill(article.source),
        event_end_date=(published_at - timedelta(days=1 + article.days_ago % 3)).date(),
    )
    page.related_articles = list(NewsPage.objects.descendant_of(index).filter(slug__in=article.related))
    page.tags.add(*article.tags)
    return publish_child(index, page, published_at)
