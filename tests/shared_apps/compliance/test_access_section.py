"""The "Tiếp cận thông tin" section (NĐ 13/2018 Điều 11): on new sites and added to existing ones."""

import pytest
from django.core.management import call_command

from tenant_apps.pages.models import ContentPage

pytestmark = pytest.mark.django_db


def test_a_new_province_site_publishes_the_access_to_information_section(hanoi):
    response = hanoi.client().get("/tiep-can-thong-tin/")

    assert "Luật Tiếp cận thông tin" in response.content.decode()


def test_the_command_adds_the_section_to_a_site_that_lacks_it(hanoi):
    with hanoi.context():
        ContentPage.objects.get(slug="tiep-can-thong-tin").delete()

    call_command("ensure_access_to_information", stdout=None)

    with hanoi.context():
        assert ContentPage.objects.filter(slug="tiep-can-thong-tin", live=True).count() == 1


def test_running_the_command_again_adds_nothing(hanoi):
    call_command("ensure_access_to_information")
    call_command("ensure_access_to_information")

    with hanoi.context():
        assert ContentPage.objects.filter(slug="tiep-can-thong-tin").count() == 1
