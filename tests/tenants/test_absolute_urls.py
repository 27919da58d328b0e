"""Links that leave a site name that site: its primary host, with the deployment's scheme and port."""

import re

import pytest
from django.core import mail
from django_tenants.utils import tenant_context
from wagtail.models import Site

from tenants.models import OnboardingJob
from tenants.services import ensure_default_site
from tenants.tasks import run_onboarding_job
from tenants.urls import absolute_url

pytestmark = pytest.mark.django_db


def test_a_province_url_carries_the_configured_port(hanoi, settings):
    settings.PUBLIC_URL_PORT = 8000
    assert absolute_url(hanoi.province, "/tin-tuc/") == "http://hanoi.localhost:8000/tin-tuc/"


def test_https_on_its_own_port_names_no_port(hanoi, settings):
    settings.PUBLIC_URL_SCHEME, settings.PUBLIC_URL_PORT = "https", 443
    assert absolute_url(hanoi.province, "/") == "https://hanoi.localhost/"


def test_without_a_province_the_url_names_the_schema_the_connection_is_in(hanoi, hcm):
    with hcm.context():
        assert absolute_url(None, "/hoi-dap/") == "http://hcm.localhost/hoi-dap/"


def test_wagtail_page_urls_carry_the_port_once_the_site_is_set_up_again(hanoi, settings):
    settings.PUBLIC_URL_PORT = 8000
    with hanoi.context():
        site = Site.objects.get()
        ensure_default_site(site.root_page, hanoi.province, report=lambda line: None)
        assert site.root_page.get_full_url() == "http://hanoi.localhost:8000/"


def test_the_first_administrators_mail_links_to_the_new_provinces_own_host_and_port(settings):
    settings.PUBLIC_URL_PORT = 8000
    job = OnboardingJob.objects.create(
        code="48", domains=["danang.localhost"], admin_username="admin", admin_email="quantri@danang.vn"
    )

    run_onboarding_job(job.pk)

    links = re.findall(r"https?://\S+", mail.outbox[-1].body)
    # The one link is the set-password link (no password travels by mail), on Đà Nẵng's host and port.
    assert [link.split("/loi-moi/")[0] for link in links] == ["http://danang.localhost:8000"]
    job.refresh_from_db()
    with tenant_context(job.province):
        assert Site.objects.get().port == 8000
