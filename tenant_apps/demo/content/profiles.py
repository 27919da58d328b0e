"""What differs between the demo provinces: places, offices, leaders, history, document numbers."""

from __future__ import annotations

from dataclasses import dataclass

Colour = tuple[int, int, int]


@dataclass(frozen=True)
class LeaderProfile:
    name: str
    role: str  # a key of about.RESPONSIBILITIES


@dataclass(frozen=True)
class OfficeProfile:
    """One BHXH cơ sở; `communes` are the wards and communes it serves."""

    name: str
    address: str
    phone: str
    email: str
    latitude: str
    longitude: str
    communes: tuple[str, ...]


@dataclass(frozen=True)
class ProvinceProfile:
    city: str  # as it reads inside a sentence: "thành phố Hà Nội"
    place: str  # as it heads the date line of a document: "Hà Nội"
    name_en: str
    colour: Colour
    latitude: str  # of the provincial office
    longitude: str
    working_hours: str
    working_hours_en: str
    leaders: tuple[LeaderProfile, ...]
    offices: tuple[OfficeProfile, ...]
    event_ward: str
    gift_ward: str
    industrial_zone: str
    post_office: str
    document_numbers: dict[str, str]  # provincial document key -> number
    history: str
    history_en: str

    @property
    def director(self) -> LeaderProfile:
        return self.leaders[0]

    def leader_for(self, *roles: str) -> LeaderProfile:
        """The first leader whose role is one of `roles` (the director if none)."""
        return next((leader for leader in self.leaders if leader.role in roles), self.director)


HISTORY_NATIONAL = (
    "<p>{office} được thành lập năm 1995, cùng với việc thành lập hệ thống Bảo hiểm xã hội Việt Nam theo Nghị "
    "định số 19/CP ngày 16/02/1995 của Chính phủ, trên cơ sở thống nhất các tổ chức bảo hiểm xã hội thuộc hệ "
    "thống lao động - thương binh và xã hội và tổ chức công đoàn trên địa bàn.</p>"
    "<p>Từ năm 2003, cơ quan được giao thêm nhiệm vụ tổ chức thực hiện chính sách bảo hiểm y tế; từ năm 2009, "
    "tổ chức thu và chi trả bảo hiểm thất nghiệp.</p>"
)
HISTORY_2025 = (
    "<p>Năm 2025, thực hiện chủ trương sắp xếp tổ chức bộ máy và tổ chức chính quyền địa phương hai cấp, "
    "hệ thống Bảo hiểm xã hội cơ sở được tổ chức lại theo địa bàn các xã, phường mới, bảo đảm người dân, "
    "doanh nghiệp thực hiện thủ tục thuận lợi, không gián đoạn.</p>"
)
HISTORY_EN = (
    "<p>The office was founded in 1995 together with Vietnam Social Security, which Decree 19/CP of 16 February "
    "1995 established. It took over health insurance in 2003 and unemployment insurance in 2009. {extra}</p>"
)

HANOI = ProvinceProfile(
    city="thành phố Hà Nội",
    place="Hà Nội",
    name_en="Ha Noi",
    colour=(0, 84, 166),
    latitude="21.025030",
    longitude="105.844520",
    working_hours="Thứ Hai – Thứ Sáu: 8h00 – 12h00, 13h00 – 17h00",
    working_hours_en="Monday to Friday, 8:00–12:00 and 13:00–17:00",
    leaders=(
        LeaderProfile("Nguyễn Văn Thành", "director"),
        LeaderProfile("Trần Thị Minh Hương", "collection"),
        LeaderProfile("Lê Quang Minh", "benefits"),
        LeaderProfile("Phạm Đức Long", "health"),
    ),
    offices=(
        OfficeProfile(
            "Bảo hiểm xã hội cơ sở Ba Đình",
            "Số 58 phố Quán Thánh, phường Ba Đình, thành phố Hà Nội",
            "024 3823 5716",
            "badinh@hanoi.vss.gov.vn",
            "21.041230",
            "105.840170",
            (
                "Phường Ba Đình",
                "Phường Ngọc Hà",
                "Phường Giảng Võ",
                "Phường Hoàn Kiếm",
                "Phường Cửa Nam",
                "Phường Hồng Hà",
            ),
        ),
        OfficeProfile(
            "Bảo hiểm xã hội cơ sở Đống Đa",
            "Số 120 phố Tôn Đức Thắng, phường Văn Miếu - Quốc Tử Giám, thành phố Hà Nội",
            "024 3851 2947",
            "dongda@hanoi.vss.gov.vn",
            "21.024610",
            "105.831050",
            ("Phường Đống Đa", "Phường Kim Liên", "Phường Văn Miếu - Quốc Tử Giám", "Phường Láng", "Phường Ô Chợ Dừa"),
        ),
        OfficeProfile(
            "Bảo hiểm xã hội cơ sở Cầu Giấy",
            "Số 25 đường Trần Đăng Ninh, phường Cầu Giấy, thành phố Hà Nội",
            "024 3793 4125",
            "caugiay@hanoi.vss.gov.vn",
            "21.036180",
            "105.795240",
            ("Phường Cầu Giấy", "Phường Nghĩa Đô", "Phường Yên Hòa", "Phường Tây Hồ", "Phường Phú Thượng"),
        ),
        OfficeProfile(
            "Bảo hiểm xã hội cơ sở Hà Đông",
            "Số 2 đường Quang Trung, phường Hà Đông, thành phố Hà Nội",
            "024 3382 4630",
            "hadong@hanoi.vss.gov.vn",
            "20.971360",
            "105.778410",
            ("Phường Hà Đông", "Phường Dương Nội", "Phường Yên Nghĩa", "Phường Phú Lương", "Phường Kiến Hưng"),
        ),
        OfficeProfile(
            "Bảo hiểm xã hội cơ sở Long Biên",
            "Số 15 phố Nguyễn Văn Cừ, phường Bồ Đề, thành phố Hà Nội",
            "024 3872 6518",
            "longbien@hanoi.vss.gov.vn",
            "21.044270",
            "105.872030",
            ("Phường Long Biên", "Phường Bồ Đề", "Phường Việt Hưng", "Phường Phúc Lợi"),
        ),
    ),
    event_ward="phường Hoàng Mai",
    gift_ward="phường Long Biên",
    industrial_zone="Khu công nghiệp Thăng Long",
    post_office="Bưu điện thành phố Hà Nội",
    document_numbers={
        "notice": "1856/TB-BHXH",
        "reception": "2034/QĐ-BHXH",
        "payment": "2417/BHXH-CĐBHXH",
        "arrears": "2968/BHXH-QLT",
        "communication": "3512/KH-BHXH",
        "development": "112/KH-BHXH",
    },
    history=HISTORY_NATIONAL
    + "<p>Từ ngày 01/8/2008, khi địa giới hành chính Thủ đô được mở rộng, Bảo hiểm xã hội tỉnh Hà Tây được hợp "
    "nhất vào Bảo hiểm xã hội thành phố Hà Nội. Cơ quan hiện quản lý số lượng lớn người tham gia và đơn vị sử "
    "dụng lao động, trong đó có nhiều cơ quan Trung ương đóng trên địa bàn.</p>" + HISTORY_2025,
    history_en=HISTORY_EN.format(
        extra="In 2008, when the capital was enlarged, the office of the former Ha Tay province joined it."
    ),
)

HO_CHI_MINH = ProvinceProfile(
    city="Thành phố Hồ Chí Minh",
    place="Thành phố Hồ Chí Minh",
    name_en="Ho Chi Minh City",
    colour=(0, 102, 153),
    latitude="10.796180",
    longitude="106.679870",
    working_hours="Thứ Hai – Thứ Sáu: 7h30 – 11h30, 13h00 – 17h00",
    working_hours_en="Monday to Friday, 7:30–11:30 and 13:00–17:00",
    leaders=(
        LeaderProfile("Võ Minh Tuấn", "director"),
        LeaderProfile("Nguyễn Thị Ngọc Lan", "collection"),
        LeaderProfile("Huỳnh Văn Phúc", "benefits"),
        LeaderProfile("Trương Quốc Bảo", "health"),
    ),
    offices=(
        OfficeProfile(
            "Bảo hiểm xã hội cơ sở Sài Gòn",
            "Số 55 đường Nguyễn Thị Minh Khai, phường Bến Thành, Thành phố Hồ Chí Minh",
            "028 3925 4183",
            "saigon@hcm.vss.gov.vn",
            "10.774620",
            "106.693250",
            (
                "Phường Sài Gòn",
                "Phường Tân Định",
                "Phường Bến Thành",
                "Phường Cầu Ông Lãnh",
                "Phường Bàn Cờ",
                "Phường Xuân Hòa",
                "Phường Nhiêu Lộc",
            ),
        ),
        OfficeProfile(
            "Bảo hiểm xã hội cơ sở Bình Thạnh",
            "Số 8 đường Phan Đăng Lưu, phường Gia Định, Thành phố Hồ Chí Minh",
            "028 3841 6027",
            "binhthanh@hcm.vss.gov.vn",
            "10.802860",
            "106.696910",
            (
                "Phường Gia Định",
                "Phường Bình Thạnh",
                "Phường Bình Lợi Trung",
                "Phường Thạnh Mỹ Tây",
                "Phường Bình Quới",
            ),
        ),
        OfficeProfile(
            "Bảo hiểm xã hội cơ sở Thủ Đức",
            "Số 43 đường Võ Văn Ngân, phường Thủ Đức, Thành phố Hồ Chí Minh",
            "028 3896 2354",
            "thuduc@hcm.vss.gov.vn",
            "10.850310",
            "106.771960",
            (
                "Phường Thủ Đức",
                "Phường Hiệp Bình",
                "Phường Tam Bình",
                "Phường Linh Xuân",
                "Phường Tăng Nhơn Phú",
                "Phường Long Bình",
                "Phường An Khánh",
                "Phường Cát Lái",
            ),
        ),
        OfficeProfile(
            "Bảo hiểm xã hội cơ sở Thủ Dầu Một",
            "Số 321 Đại lộ Bình Dương, phường Thủ Dầu Một, Thành phố Hồ Chí Minh",
            "0274 3822 571",
            "thudaumot@hcm.vss.gov.vn",
            "10.980470",
            "106.653860",
            ("Phường Thủ Dầu Một", "Phường Phú Lợi", "Phường Chánh Hiệp", "Phường Bình Dương"),
        ),
        OfficeProfile(
            "Bảo hiểm xã hội cơ sở Vũng Tàu",
            "Số 45 đường Lê Lợi, phường Vũng Tàu, Thành phố Hồ Chí Minh",
            "0254 3852 406",
            "vungtau@hcm.vss.gov.vn",
            "10.347180",
            "107.079250",
            ("Phường Vũng Tàu", "Phường Tam Thắng", "Phường Rạch Dừa", "Phường Phước Thắng"),
        ),
    ),
    event_ward="phường Bình Thạnh",
    gift_ward="phường Thủ Dầu Một",
    industrial_zone="Khu chế xuất Tân Thuận",
    post_office="Bưu điện Thành phố Hồ Chí Minh",
    document_numbers={
        "notice": "2210/TB-BHXH",
        "reception": "2475/QĐ-BHXH",
        "payment": "3038/BHXH-CĐBHXH",
        "arrears": "3691/BHXH-QLT",
        "communication": "4326/KH-BHXH",
        "development": "158/KH-BHXH",
    },
    history=HISTORY_NATIONAL
    + "<p>Là một trong những địa phương có số doanh nghiệp và người lao động tham gia bảo hiểm xã hội lớn nhất cả "
    "nước, Bảo hiểm xã hội Thành phố Hồ Chí Minh tích cực cải cách thủ tục hành chính và mở rộng giao dịch điện "
    "tử.</p>"
    "<p>Từ ngày 01/7/2025, tỉnh Bình Dương, tỉnh Bà Rịa - Vũng Tàu và Thành phố Hồ Chí Minh được hợp nhất thành "
    "Thành phố Hồ Chí Minh; Bảo hiểm xã hội Thành phố được kiện toàn trên cơ sở bảo hiểm xã hội của ba địa "
    "phương.</p>" + HISTORY_2025,
    history_en=HISTORY_EN.format(
        extra="Since 1 July 2025 it also serves the former Binh Duong and Ba Ria - Vung Tau provinces, "
        "which merged into Ho Chi Minh City.",
    ),
)

DA_NANG = ProvinceProfile(
    city="thành phố Đà Nẵng",
    place="Đà Nẵng",
    name_en="Da Nang",
    colour=(0, 110, 140),
    latitude="16.039850",
    longitude="108.222610",
    working_hours="Thứ Hai – Thứ Sáu: 7h30 – 11h30, 13h30 – 17h00",
    working_hours_en="Monday to Friday, 7:30–11:30 and 13:30–17:00",
    leaders=(
        LeaderProfile("Phan Văn Hùng", "director"),
        LeaderProfile("Lê Thị Mỹ Linh", "collection"),
        LeaderProfile("Nguyễn Hữu Tài", "benefits_health"),
    ),
    offices=(
        OfficeProfile(
            "Bảo hiểm xã hội cơ sở Hải Châu",
            "Số 86 đường Lê Lợi, phường Hải Châu, thành phố Đà Nẵng",
            "0236 3821 457",
            "haichau@danang.vss.gov.vn",
            "16.071020",
            "108.220150",
            ("Phường Hải Châu", "Phường Hòa Cường", "Phường Thanh Khê", "Phường An Khê"),
        ),
        OfficeProfile(
            "Bảo hiểm xã hội cơ sở Sơn Trà",
            "Số 14 đường Ngô Quyền, phường An Hải, thành phố Đà Nẵng",
            "0236 3831 962",
            "sontra@danang.vss.gov.vn",
            "16.068410",
            "108.237860",
            ("Phường An Hải", "Phường Sơn Trà", "Phường Ngũ Hành Sơn", "Phường Hòa Xuân"),
        ),
        OfficeProfile(
            "Bảo hiểm xã hội cơ sở Liên Chiểu",
            "Số 530 đường Tôn Đức Thắng, phường Hòa Khánh, thành phố Đà Nẵng",
            "0236 3842 305",
            "lienchieu@danang.vss.gov.vn",
            "16.071860",
            "108.152370",
            ("Phường Hòa Khánh", "Phường Hải Vân", "Phường Liên Chiểu", "Phường Cẩm Lệ"),
        ),
        OfficeProfile(
            "Bảo hiểm xã hội cơ sở Hội An",
            "Số 10 đường Trần Hưng Đạo, phường Hội An, thành phố Đà Nẵng",
            "0235 3861 274",
            "hoian@danang.vss.gov.vn",
            "15.880190",
            "108.330460",
            ("Phường Hội An", "Phường Hội An Đông", "Phường Hội An Tây", "Xã Tân Hiệp"),
        ),
        OfficeProfile(
            "Bảo hiểm xã hội cơ sở Tam Kỳ",
            "Số 2 đường Trần Phú, phường Tam Kỳ, thành phố Đà Nẵng",
            "0235 3851 693",
            "tamky@danang.vss.gov.vn",
            "15.572640",
            "108.474120",
            ("Phường Tam Kỳ", "Phường Quảng Phú", "Phường Hương Trà", "Phường Bàn Thạch"),
        ),
    ),
    event_ward="phường Cẩm Lệ",
    gift_ward="phường Hội An",
    industrial_zone="Khu công nghiệp Hòa Khánh",
    post_office="Bưu điện thành phố Đà Nẵng",
    document_numbers={
        "notice": "1123/TB-BHXH",
        "reception": "1287/QĐ-BHXH",
        "payment": "1564/BHXH-CĐBHXH",
        "arrears": "1902/BHXH-QLT",
        "communication": "2245/KH-BHXH",
        "development": "86/KH-BHXH",
    },
    history="<p>{office} được thành lập năm 1997, khi tỉnh Quảng Nam - Đà Nẵng được chia tách thành tỉnh Quảng "
    "Nam và thành phố Đà Nẵng trực thuộc Trung ương, trên cơ sở Bảo hiểm xã hội tỉnh Quảng Nam - Đà Nẵng (thành "
    "lập năm 1995 theo Nghị định số 19/CP ngày 16/02/1995 của Chính phủ).</p>"
    "<p>Từ năm 2003, cơ quan được giao thêm nhiệm vụ tổ chức thực hiện chính sách bảo hiểm y tế; từ năm 2009, "
    "tổ chức thu và chi trả bảo hiểm thất nghiệp.</p>"
    "<p>Từ ngày 01/7/2025, tỉnh Quảng Nam và thành phố Đà Nẵng được hợp nhất thành thành phố Đà Nẵng; Bảo hiểm xã "
    "hội thành phố được kiện toàn trên cơ sở bảo hiểm xã hội của hai địa phương.</p>" + HISTORY_2025,
    history_en=(
        "<p>The office was founded in 1997, when Quang Nam - Da Nang province was divided and Da Nang became a "
        "centrally-run city. It took over health insurance in 2003 and unemployment insurance in 2009. Since 1 July "
        "2025 it also serves the former Quang Nam province, which merged into Da Nang.</p>"
    ),
)

PROFILES: dict[str, ProvinceProfile] = {"01": HANOI, "79": HO_CHI_MINH, "48": DA_NANG}
