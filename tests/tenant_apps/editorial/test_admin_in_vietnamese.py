"""Every board role, and the central office, sees its whole admin in Vietnamese (issue 16).

The walk signs in as each role, starts from the sidebar menu, and follows every admin link it finds
(listings, add and edit forms, workflow screens), at most a few addresses per URL shape. On every HTML
screen it reads what a person sees — text nodes, the placeholder, title and aria-label attributes,
the value of buttons, the sidebar's menu labels — and fails on any that is an English message of the
installed catalogues (tests/admin_language.py).
"""

from __future__ import annotations

import re
from collections import defaultdict
from urllib.parse import urldefrag, urlsplit

import pytest
from django.test import Client

from tenant_apps.demo.content import fill_province
from tenant_apps.editorial.models import BoardRole
from tenant_apps.news.models import NewsIndexPage
from tests.admin_language import VisibleText, english_messages, is_english
from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db

SKIPPED = re.compile(r"/admin/(logout|jsi18n|sprite)/|/admin/.*(xuat|export|download|tai-ve)|\?export=")
PER_SHAPE = 2  # addresses visited per URL shape (digits replaced), e.g. two edit forms of each model
MAX_SCREENS = 400


def walk_admin(browser: Client, english: tuple[set[str], re.Pattern]) -> tuple[dict[str, set[str]], set[str]]:
    """English found per screen, and every admin address visited with an HTML answer."""
    found: dict[str, set[str]] = defaultdict(set)
    queue, seen, visited, shapes = ["/admin/"], {"/admin/"}, set(), defaultdict(int)
    while queue and len(visited) < MAX_SCREENS:
        path = queue.pop(0)
        try:
            response = browser.get(path)
        except Exception as error:  # a crash is a finding too, with its address
            raise AssertionError(f"GET {path} failed: {error!r}") from error
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        visited.add(path)
        page = VisibleText()
        page.feed(response.content.decode())
        for text in {" ".join(text.split()) for text in page.texts}:
            if text and is_english(text, english):
                found[path].add(text)
        for link in page.links:
            link = urldefrag(link)[0]
            parts = urlsplit(link)
            if parts.netloc or not parts.path.startswith("/admin/") or link in seen or SKIPPED.search(link):
                continue
            shape = re.sub(r"\d+", "<n>", parts.path) + ("?" if parts.query else "")
            if shapes[shape] >= PER_SHAPE:
                continue
            shapes[shape] += 1
            seen.add(link)
            queue.append(link)
    return found, visited


@pytest.fixture(scope="module")
def english():
    return english_messages()


@pytest.fixture
def filled_hanoi(hanoi, board):
    """Hà Nội with the demo's content and an article waiting in the workflow, so that lists and
    workflow actions have something to show."""
    with hanoi.context():
        fill_province(hanoi.province)
        page = NewsPageFactory(parent=NewsIndexPage.objects.get(), title="Tin chờ duyệt", live=False)
        page.save_revision(user=board[BoardRole.REPORTER])
        page.get_workflow().start(page, board[BoardRole.REPORTER])
    return hanoi


@pytest.mark.parametrize("role", list(BoardRole))
def test_every_admin_screen_a_board_role_reaches_is_in_vietnamese(filled_hanoi, english, role):
    found, visited = walk_admin(filled_hanoi.signed_in_client(role.value), english)
    assert dict(found) == {}
    assert len(visited) >= (60 if role in (BoardRole.HEAD, BoardRole.DEPUTY, BoardRole.EDITOR) else 15)


def test_every_admin_screen_of_the_central_office_is_in_vietnamese(central_admin, english):
    found, visited = walk_admin(central_admin, english)
    assert dict(found) == {}
    assert len(visited) >= 60


def test_the_check_recognises_english_in_its_three_forms(english):
    assert is_english("Save draft", english)
    assert is_english("Submit to Quy trình duyệt tin", english)  # msgid "Submit to %(workflow_name)s"
    assert is_english("10 minutes ago", english)
    assert not is_english("Lưu nháp", english)
