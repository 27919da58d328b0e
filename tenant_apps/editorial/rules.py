"""The rules of the founding letter and the regulations it cites, in one place.

Timeliness (§8.1; TT 26/2009): legal documents online within 2 days of signing, news within
10 days after the event ends, new information every working day. The thresholds can be
changed in settings (`BHXH_TIMELINESS`); these are the letter's values.

Royalties (§7.3; Nghị định 18/2014/NĐ-CP, which replaced Nghị định 61/2002): royalty =
coefficient × unit value, one unit = 10 % of the base salary (mức lương cơ sở) in force on the
publication date; each genre group has a maximum coefficient; pay within 60 days.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

DOCUMENT_DEADLINE_DAYS = 2
NEWS_DEADLINE_DAYS = 10
AT_RISK_DAYS_LEFT = 1  # warn when this many days (or fewer) remain
ROYALTY_PAYMENT_DAYS = 60
ROYALTY_UNIT_SHARE = Decimal("0.10")

# Mức lương cơ sở (VND/month) with the date each value took effect.
BASE_SALARY_SCHEDULE: tuple[tuple[datetime.date, int], ...] = (
    (datetime.date(2019, 7, 1), 1_490_000),
    (datetime.date(2023, 7, 1), 1_800_000),
    (datetime.date(2024, 7, 1), 2_340_000),
)


@dataclass(frozen=True)
class Timeliness:
    document_days: int
    news_days: int
    at_risk_days_left: int


def timeliness_rules() -> Timeliness:
    overrides = getattr(settings, "BHXH_TIMELINESS", {})
    return Timeliness(
        document_days=overrides.get("document_days", DOCUMENT_DEADLINE_DAYS),
        news_days=overrides.get("news_days", NEWS_DEADLINE_DAYS),
        at_risk_days_left=overrides.get("at_risk_days_left", AT_RISK_DAYS_LEFT),
    )


class GenreGroup(models.TextChoices):
    """Nhóm thể loại (Nghị định 18/2014, khung nhuận bút báo điện tử)."""

    NEWS = "tin", _("Tin, trả lời bạn đọc")
    PHOTO = "anh", _("Ảnh")
    DRAWING = "tranh", _("Tranh, minh họa")
    COMMENTARY = "binh-luan", _("Bình luận, chuyên luận")
    REPORTAGE = "phong-su", _("Phóng sự, ghi chép, phỏng vấn")
    RESEARCH = "nghien-cuu", _("Nghiên cứu, trao đổi")
    MEDIA = "truyen-thong", _("Âm thanh, video, truyền thông đa phương tiện")


MAX_COEFFICIENT: dict[str, int] = {
    GenreGroup.NEWS: 10,
    GenreGroup.PHOTO: 10,
    GenreGroup.DRAWING: 10,
    GenreGroup.COMMENTARY: 30,
    GenreGroup.REPORTAGE: 30,
    GenreGroup.RESEARCH: 30,
    GenreGroup.MEDIA: 50,
}


def base_salary_on(day: datetime.date) -> int:
    """The base salary in force on `day` (the latest value that took effect on or before it)."""
    in_force = [
        amount for start, amount in getattr(settings, "BASE_SALARY_SCHEDULE", BASE_SALARY_SCHEDULE) if start <= day
    ]
    if not in_force:
        raise ValueError(f"Không có mức lương cơ sở áp dụng cho ngày {day:%d/%m/%Y}.")
    return in_force[-1]


def royalty_unit_on(day: datetime.date) -> Decimal:
    """Giá trị một đơn vị nhuận bút: 10 % of the base salary in force on `day`."""
    return Decimal(base_salary_on(day)) * ROYALTY_UNIT_SHARE
