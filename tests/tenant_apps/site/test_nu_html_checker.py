"""Every public page type of a province and of the central site passes the Nu HTML Checker (vnu).

The pages are rendered with Django's test client into files and checked in one run of vnu.jar
(npm package `vnu-jar`, pinned in tests/html_validator/package.json, on Debian's Java), which
starts the JVM once. `make test` installs both; without them the test skips, and fails when
BHXH_NO_SKIPS is set (CI).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.db import connection
from wagtail.models import Page

from tenant_apps.demo.content import fill_province

pytestmark = pytest.mark.django_db

VNU_JAR = Path(__file__).resolve().parents[2] / "html_validator/node_modules/vnu-jar/build/dist/vnu.jar"
INSTALL_HINT = "run: make test (it installs default-jre-headless and runs npm ci in tests/html_validator)"

# Pages that no page type's own URL reaches: routes of routable pages, filters, errors, forms.
PROVINCE_EXTRA_PATHS = [
    "/hoi-dap/gui-cau-hoi/",
    "/hoi-dap/tra-cuu/",
    "/tra-cuu-dich-vu-cong/",
    "/van-ban/?year=abc",
    "/van-ban/?doc_type=luat&sort=cu-nhat",
    "/he-thong-co-quan/?xa=ba+dinh",
    "/tim-kiem/?q=the+bhyt",
    "/tim-kiem/?q=khong+co+gi+ca+xyz",
    "/khong-ton-tai/",
]
PROVINCE_FAILED_POSTS = ["/lien-he/", "/hoi-dap/gui-cau-hoi/", "/hoi-dap/tra-cuu/", "/tra-cuu-dich-vu-cong/"]
CENTRAL_EXTRA_PATHS = ["/khong-ton-tai/"]


def vnu_command() -> list[str] | None:
    java = shutil.which("java")
    if java is None or not VNU_JAR.is_file():
        return None
    return [java, "-Xss4m", "-jar", str(VNU_JAR)]


@pytest.fixture
def vnu() -> list[str]:
    command = vnu_command()
    if command is None:
        reason = f"the Nu HTML Checker cannot run (Java or {VNU_JAR.name} missing); {INSTALL_HINT}"
        if os.environ.get("BHXH_NO_SKIPS"):
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    return command


def one_url_per_page_type() -> list[str]:
    """The URL of one live page of each page type in the current schema."""
    urls: dict[type, str] = {}
    for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
        urls.setdefault(type(page), page.get_url())
    return [url for url in urls.values() if url]


def render(client, path: str, *, post: bool = False) -> str:
    response = client.post(path, {}) if post else client.get(path, follow=True)
    assert response.status_code in (200, 404), f"{path}: {response.status_code}"
    return response.content.decode()


def validation_errors(command: list[str], pages: dict[str, str], folder: Path) -> list[str]:
    files = {}
    for number, (name, html) in enumerate(pages.items()):
        path = folder / f"page-{number:03d}.html"
        path.write_text(html, encoding="utf-8")
        files[path.name] = name
    result = subprocess.run(
        [*command, "--errors-only", "--format", "json", *(str(folder / name) for name in files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [
        f"{files.get(Path(message.get('url', '')).name)}:{message.get('lastLine')}: {message['message']}"
        for message in messages
        if message.get("type") == "error"
    ]


def test_every_public_page_type_passes_the_nu_html_checker(vnu, hanoi, central_client, tmp_path):
    with hanoi.context():
        fill_province(hanoi.province)
        from taggit.models import Tag

        from tenant_apps.qa.models import Question

        province_paths = one_url_per_page_type()
        province_paths.append(f"/tin-tuc/tu-khoa/{Tag.objects.order_by('pk').first().slug}/")
        question = Question.objects.filter(status=Question.Status.PUBLISHED).first()
        if question:
            province_paths.append(question.url)
    browser = hanoi.client()
    pages = {f"hanoi:{path}": render(browser, path) for path in [*province_paths, *PROVINCE_EXTRA_PATHS]}
    pages |= {f"hanoi:POST {path}": render(browser, path, post=True) for path in PROVINCE_FAILED_POSTS}
    connection.set_schema_to_public()
    central_paths = one_url_per_page_type() + CENTRAL_EXTRA_PATHS
    pages |= {f"central:{path}": render(central_client, path) for path in central_paths}

    errors = validation_errors(vnu, pages, tmp_path)
    assert not errors, "\n".join(errors)
