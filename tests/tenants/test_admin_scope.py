"""Admin screens of one side (a province's admin, or the central office's) do not exist on the other.

Every admin URL limited to one side is found in the URL conf, so a screen added later is covered too.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client, RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter, StringConverter
from django_tenants.utils import tenant_context
from wagtail.admin.menu import SubmenuMenuItem, admin_menu, reports_menu, settings_menu

from tenants.models import Province
from tenants.schemas import CENTRAL, PROVINCE
from tests.conftest import CENTRAL_HOST, sign_in

pytestmark = pytest.mark.django_db

OTHER_SIDE = {PROVINCE: CENTRAL, CENTRAL: PROVINCE}
ARGUMENTS = {IntConverter: 1, StringConverter: "x"}


def _scoped_admin_urls(resolver: URLResolver, namespace: str = "") -> list[tuple[str, str, dict]]:
    """(scope, name, kwargs) of every admin URL limited to one side."""
    found = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            prefix = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            found += _scoped_admin_urls(entry, prefix)
        elif isinstance(entry, URLPattern) and getattr(entry.callback, "schema_scope", None) and entry.name:
            kwargs = {name: ARGUMENTS[type(converter)] for name, converter in entry.pattern.converters.items()}
            found.append((entry.callback.schema_scope, f"{namespace}{entry.name}", kwargs))
    return found


def _admin_resolver() -> URLResolver:
    return next(
        entry
        for entry in get_resolver().url_patterns
        if isinstance(entry, URLResolver) and str(entry.pattern) == "admin/"
    )


SCOPED_ADMIN_URLS = sorted(_scoped_admin_urls(_admin_resolver()))


def _side(scope: str, hanoi) -> tuple[Client, Province]:
    """The superuser's signed-in browser on `scope`'s side (Hà Nội for a province), and that side's tenant."""
    if scope == CENTRAL:
        connection.set_schema_to_public()
        return sign_in(Client(HTTP_HOST=CENTRAL_HOST)), Province.objects.get(schema_name="public")
    return hanoi.signed_in_client(), hanoi.province


def _shown_menu_urls(tenant: Province) -> set[str]:
    """Every URL the admin's menus (main, settings, reports, and their submenus) show the superuser there."""
    request = RequestFactory().get("/admin/")
    urls = set()

    def collect(items):
        for item in items:
            if isinstance(item, SubmenuMenuItem):
                collect(item.menu.menu_items_for_request(request))
            else:
                urls.add(item.url)

    with tenant_context(tenant):
        request.user = get_user_model().objects.get(username="admin")
        for menu in (admin_menu, settings_menu, reports_menu):
            collect(menu.menu_items_for_request(request))
    return urls


def test_every_app_with_one_sided_screens_is_found():
    names = {name for _, name, _ in SCOPED_ADMIN_URLS}
    expected = {
        "provinces:index",
        "choose_theme",
        "contact_messages:index",
        "board_members:index",
        "royalty_statements",
        "questions:index",
        "moderate_question",
        "draft_comments:index",
        "service_requests:index",
        "feedback_summary",
        "analytics_visit_statistics",
        "province_reports",
        "central_reports",
        "adhoc_requests:index",
        "newsroom_matrix",
        "newsroom_policy",
    }
    assert expected <= names


@pytest.mark.parametrize(("scope", "name", "kwargs"), SCOPED_ADMIN_URLS, ids=[n for _, n, _ in SCOPED_ADMIN_URLS])
def test_a_one_sided_admin_url_is_not_found_on_the_other_side_nor_in_its_menus(hanoi, scope, name, kwargs):
    url = reverse(name, kwargs=kwargs)
    browser, tenant = _side(OTHER_SIDE[scope], hanoi)

    assert browser.get(url).status_code == 404
    assert url not in _shown_menu_urls(tenant)


@pytest.mark.parametrize(
    ("scope", "name"),
    [
        (PROVINCE, "contact_messages:index"),
        (PROVINCE, "royalty_statements"),
        (PROVINCE, "choose_theme"),
        (PROVINCE, "newsroom_policy"),
        (CENTRAL, "provinces:index"),
        (CENTRAL, "newsroom_matrix"),
        (CENTRAL, "central_reports"),
    ],
)
def test_a_one_sided_screen_is_in_the_menus_and_answers_on_its_own_side(hanoi, scope, name):
    url = reverse(name)
    browser, tenant = _side(scope, hanoi)

    assert browser.get(url).status_code == 200
    assert url in _shown_menu_urls(tenant)
