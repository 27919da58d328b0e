"""Tra cứu thẻ BHYT — lookups answered by the national system, never stored on the province site.

`LookupAdapter` is the interface; `NationalPortalAdapter` calls the national API (URL, key and
timeout from settings); `DemoAdapter` answers from synthetic data for development and the demo,
and says so on the page. `LOOKUP_ADAPTER` in settings picks one.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass
from typing import Protocol

import requests
from django.conf import settings
from django.utils.module_loading import import_string


class LookupUnavailable(Exception):
    """The national system cannot answer now (down, slow, refusing)."""


@dataclass(frozen=True)
class CardStatus:
    card_number: str
    holder_name: str
    valid_from: datetime.date
    valid_to: datetime.date
    clinic: str

    @property
    def is_valid_today(self) -> bool:
        return self.valid_from <= datetime.date.today() <= self.valid_to


class LookupAdapter(Protocol):
    is_demo: bool

    def health_card(self, card_number: str, full_name: str, birth_date: datetime.date) -> CardStatus | None:
        """The card's validity, or None when no card matches the three details."""


class NationalPortalAdapter:
    """Calls the national lookup API (BHXH Việt Nam); configured by NATIONAL_LOOKUP_* settings."""

    is_demo = False

    def __init__(self):
        self.url = settings.NATIONAL_LOOKUP_URL
        self.api_key = settings.NATIONAL_LOOKUP_API_KEY
        self.timeout = settings.NATIONAL_LOOKUP_TIMEOUT_SECONDS

    def health_card(self, card_number, full_name, birth_date):
        if not self.url:
            raise LookupUnavailable("chưa cấu hình địa chỉ hệ thống tra cứu quốc gia")
        try:
            response = requests.post(
                f"{self.url.rstrip('/')}/the-bhyt",
                json={"maThe": card_number, "hoTen": full_name, "ngaySinh": birth_date.strftime("%d/%m/%Y")},
                headers={"Authorization": f"Bearer {self.api_key}"},
                timeout=self.timeout,
            )
        except requests.RequestException as error:
            raise LookupUnavailable(str(error)) from error
        if response.status_code == 404:
            return None
        if response.status_code != 200:
            raise LookupUnavailable(f"HTTP {response.status_code}")
        data = response.json()
        return CardStatus(
            card_number=data["maThe"],
            holder_name=data["hoTen"],
            valid_from=datetime.datetime.strptime(data["giaTriTu"], "%d/%m/%Y").date(),
            valid_to=datetime.datetime.strptime(data["giaTriDen"], "%d/%m/%Y").date(),
            clinic=data.get("noiDangKyKCB", ""),
        )


class DemoAdapter:
    """Synthetic answers for development and demos: any well-formed card number 'exists'."""

    is_demo = True
    CLINICS = ("Trạm Y tế phường", "Bệnh viện Đa khoa tỉnh", "Trung tâm Y tế khu vực")

    def health_card(self, card_number, full_name, birth_date):
        digest = int(hashlib.sha256(card_number.encode()).hexdigest(), 16)
        if digest % 5 == 0:
            return None
        year = datetime.date.today().year
        valid_to = datetime.date(year + (digest % 2), 12, 31)
        return CardStatus(
            card_number=card_number,
            holder_name=full_name,
            valid_from=datetime.date(year, 1, 1),
            valid_to=valid_to,
            clinic=self.CLINICS[digest % len(self.CLINICS)],
        )


def get_adapter() -> LookupAdapter:
    return import_string(settings.LOOKUP_ADAPTER)()
