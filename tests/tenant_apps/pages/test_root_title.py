"""Wagtail's root page reads "Gốc" in the admin's explorer, in provinces and on the central site."""

import pytest
from django.db import connection
from wagtail.models import Page

pytestmark = pytest.mark.django_db


def test_an_onboarded_provinces_explorer_calls_the_root_goc(hanoi):
    html = hanoi.signed_in_client().get("/admin/pages/").content.decode()

    assert "Gốc" in html and ">Root<" not in html
    with hanoi.context():
        assert Page.get_first_root_node().draft_title == "Gốc"


def test_the_central_sites_root_is_goc_too(central_client):
    connection.set_schema_to_public()

    assert Page.get_first_root_node().title == "Gốc"
