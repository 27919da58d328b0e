"""The office finder reads addresses of before 01/07/2025 (ward and district) and answers with the
office of the commune that covers them today, saying which one that is."""

import pytest

from tenant_apps.offices.admin_units import communes, provinces
from tenant_apps.offices.models import Office, OfficeDirectoryPage
from tenants.registry import load_registry

NGOC_HA_OFFICE = "Bảo hiểm xã hội cơ sở Ba Đình"
NOI_BAI_OFFICE = "Bảo hiểm xã hội cơ sở Sóc Sơn"


@pytest.fixture
def hanoi_offices(hanoi):
    with hanoi.context():
        directory = OfficeDirectoryPage.objects.get()
        Office.objects.create(
            page=directory, name=NGOC_HA_OFFICE, address="Số 1 Đội Cấn", communes="Phường Ngọc Hà\nPhường Giảng Võ"
        )
        Office.objects.create(page=directory, name=NOI_BAI_OFFICE, address="Sóc Sơn", communes="Xã Nội Bài\nXã Sóc Sơn")
    return hanoi


def _find(site, query: str) -> str:
    return site.client().get("/he-thong-co-quan/", {"xa": query}).content.decode()


def test_an_old_ward_and_district_finds_the_office_of_todays_ward(hanoi_offices):
    assert NGOC_HA_OFFICE in _find(hanoi_offices, "phường Cống Vị, quận Ba Đình")


def test_the_answer_says_which_ward_the_old_address_belongs_to_now(hanoi_offices):
    assert "Phường Cống Vị (quận Ba Đình cũ) nay thuộc phường Ngọc Hà" in _find(
        hanoi_offices, "phường Cống Vị, quận Ba Đình"
    )


def test_an_old_address_without_diacritics_is_understood(hanoi_offices):
    assert NGOC_HA_OFFICE in _find(hanoi_offices, "phuong cong vi, quan ba dinh")


def test_an_old_district_alone_finds_the_offices_of_the_communes_made_from_it(hanoi_offices):
    assert NOI_BAI_OFFICE in _find(hanoi_offices, "huyện Sóc Sơn")


def test_an_old_address_of_another_province_finds_nothing_here(hanoi_offices, hcm):
    with hcm.context():
        Office.objects.create(
            page=OfficeDirectoryPage.objects.get(),
            name="Bảo hiểm xã hội cơ sở Sài Gòn",
            address="Q1",
            communes="Phường Sài Gòn",
        )
    assert "Không tìm thấy cơ quan phụ trách" in _find(hcm, "phường Cống Vị, quận Ba Đình")


def test_every_registry_unit_has_the_packages_code_and_name():
    registry = {code: unit.official_name for code, unit in load_registry().items()}
    assert registry == provinces()


def test_todays_communes_of_a_province_come_from_the_package():
    assert "Phường Ngọc Hà" in [commune.name for commune in communes("01")]
