"""The contact page tells when the office is open and where it is, without third-party scripts."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact_page(hanoi) -> str:
    with hanoi.context():
        hanoi.province.address = "Số 86 Trần Hưng Đạo, Hà Nội"
        hanoi.province.save()
    return hanoi.client().get("/lien-he/").content.decode()


def test_the_contact_page_shows_opening_hours(contact_page):
    assert "Giờ làm việc" in contact_page and "Thứ Hai đến Thứ Sáu" in contact_page


def test_the_contact_page_links_to_a_map_of_the_address(contact_page):
    assert 'href="https://www.openstreetmap.org/search?query=S%E1%BB%91+86+Tr%E1%BA%A7n' in contact_page


def test_the_contact_page_loads_no_script(contact_page):
    assert "<script" not in contact_page and "<iframe" not in contact_page
