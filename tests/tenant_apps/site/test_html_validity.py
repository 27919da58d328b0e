"""Public pages are well-formed HTML5 (parsed strictly by html5lib) in UTF-8."""

import html5lib
import pytest

pytestmark = pytest.mark.django_db

PATHS = [
    "/",
    "/gioi-thieu/",
    "/gioi-thieu/introduction/",
    "/tin-tuc/",
    "/van-ban/",
    "/van-ban/?year=abc",
    "/thu-tuc-hanh-chinh/",
    "/he-thong-co-quan/?xa=ba+dinh",
    "/lien-he/",
    "/so-do-cong/",
    "/tro-giup/",
    "/tim-kiem/?q=bao+hiem",
    "/khong-ton-tai/",
]


@pytest.mark.parametrize("path", PATHS)
def test_public_pages_parse_as_strict_html5(hanoi, path):
    response = hanoi.client().get(path)
    assert response["Content-Type"] == "text/html; charset=utf-8"
    html5lib.HTMLParser(strict=True).parse(response.content.decode())
