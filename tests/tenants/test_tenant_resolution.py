"""The cached host -> province lookup: faster, and never serves one province's site on another's host."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tenants.models import Domain, Province


def _queries_of(browser, path="/"):
    with CaptureQueriesContext(connection) as queries:
        response = browser.get(path)
    return response, [query["sql"] for query in queries.captured_queries]


def test_a_repeated_request_to_the_same_host_does_not_look_the_domain_up_again(hanoi):
    browser = hanoi.client()
    _queries_of(browser)
    response, statements = _queries_of(browser)

    assert response.status_code == 200
    assert not any("tenants_domain" in sql for sql in statements)
    assert not any(sql.startswith("SET search_path") for sql in statements)


def test_alternating_provinces_on_one_connection_always_serves_the_right_site(hanoi, hcm):
    hanoi_name, hcm_name = hanoi.province.office_name, hcm.province.office_name
    for _ in range(3):
        for site, own, other in ((hanoi, hanoi_name, hcm_name), (hcm, hcm_name, hanoi_name)):
            html = site.client().get("/").content.decode()
            assert own in html
            assert other not in html


def test_a_suspended_province_is_seen_at_once_although_its_host_was_remembered(hanoi):
    assert hanoi.client().get("/").status_code == 200
    hanoi.province.status = Province.Status.SUSPENDED
    hanoi.province.save()

    assert hanoi.client().get("/").status_code == 503


def test_a_removed_domain_stops_serving_at_once(hanoi):
    domain = Domain.objects.create(domain="ha-noi-moi.localhost", tenant=hanoi.province, is_primary=False)
    browser = Client(HTTP_HOST="ha-noi-moi.localhost")
    assert browser.get("/").status_code == 200

    domain.delete()

    assert browser.get("/").status_code == 404
