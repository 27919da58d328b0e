"""Accessibility errors measured by axe-core in headless Chromium, on pages rendered in-process."""

import os

import pytest
from django.test import override_settings

from shared_apps.compliance.accessibility import audit_pages, sample_paths
from tenant_apps.home.models import HomePage
from tests.factories import ContentPageFactory

CHROMIUM = "/usr/bin/chromium"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db,
    pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK), reason=f"{CHROMIUM} is not installed"),
]


def test_an_empty_link_in_an_article_is_reported_by_its_rule(hanoi):
    with hanoi.context():
        page = ContentPageFactory(parent=HomePage.objects.get(), body='<p><a href="https://example.com/"></a></p>')
        with override_settings(COMPLIANCE_CHROMIUM=CHROMIUM):
            audits = audit_pages([page.url_path.removeprefix("/trang-chu")])

    assert "link-name" in audits[0].rules


def test_the_home_page_of_a_new_site_has_no_accessibility_errors(hanoi):
    with hanoi.context(), override_settings(COMPLIANCE_CHROMIUM=CHROMIUM):
        audits = audit_pages(["/"])

    assert audits[0].errors == 0


def test_without_a_configured_browser_nothing_is_measured(hanoi):
    with hanoi.context():
        assert audit_pages(sample_paths()) is None
