"""The scorecard as the centre and a board see it: scores, what to fix first, history, export, runs."""

import datetime
from io import BytesIO

import pytest
from django.db import connection
from django.utils import timezone
from openpyxl import load_workbook

from shared_apps.compliance.checklists import checklist_in_force
from shared_apps.compliance.models import ComplianceRun
from shared_apps.compliance.selectors import monthly_scores, results_to_fix_first
from shared_apps.compliance.services import request_run, run_checks
from shared_apps.compliance.tasks import run_compliance_in_every_province, run_compliance_task
from tenant_apps.documents.models import DocumentIndexPage
from tenants.models import Province
from tests.factories import LegalDocumentPageFactory

pytestmark = pytest.mark.django_db


def _run(site) -> ComplianceRun:
    return run_checks(ComplianceRun.objects.create(province=site.province))


def test_a_run_records_one_result_per_item_of_the_checklist_in_force(hanoi):
    run = _run(hanoi)

    assert [r.key for r in run.results.all()] == [i.key for i in checklist_in_force(timezone.localdate()).items]


def test_the_score_is_the_weighted_share_of_passed_items(hanoi):
    run = _run(hanoi)
    results = list(run.results.all())

    expected = round(100 * sum(r.weight for r in results if r.passed) / sum(r.weight for r in results), 1)
    assert run.score == expected


def test_what_to_fix_first_puts_critical_items_before_advisory_ones(hanoi):
    ranks = [result.severity_rank for result in results_to_fix_first(_run(hanoi))]

    assert ranks == sorted(ranks)


def test_a_run_records_the_site_measures(hanoi):
    run = _run(hanoi)

    assert run.metrics["broken_links"] == 0


def test_the_board_sees_its_card_with_the_first_thing_to_fix_on_its_dashboard(hanoi):
    first = results_to_fix_first(_run(hanoi))[0]

    html = hanoi.signed_in_client().get("/admin/").content.decode()

    assert first.hint in html


def test_the_board_detail_page_links_to_what_fails(hanoi):
    run = _run(hanoi)
    failure = results_to_fix_first(run)[0].failures[0]

    html = hanoi.signed_in_client().get("/admin/tuan-thu/").content.decode()

    assert f'href="{failure["url"]}"' in html


def test_the_check_again_button_queues_one_run_even_when_pressed_twice(hanoi, django_capture_on_commit_callbacks):
    browser = hanoi.signed_in_client()
    with django_capture_on_commit_callbacks() as callbacks:
        browser.post("/admin/tuan-thu/")
        browser.post("/admin/tuan-thu/")

    assert len(callbacks) == 1


def test_a_queued_run_is_carried_out_by_its_task(hanoi, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks():
        run = request_run(hanoi.province)

    run_compliance_task(run.pk)

    assert ComplianceRun.objects.get(pk=run.pk).status == ComplianceRun.Status.DONE


def test_the_nightly_task_queues_a_run_for_every_active_province(hanoi, hcm, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        queued = run_compliance_in_every_province()

    assert len(callbacks) == queued == Province.objects.exclude(code="").filter(status="active").count()


def test_the_centre_sorts_provinces_by_score(hanoi, hcm, central_admin):
    with hcm.context():
        LegalDocumentPageFactory(parent=DocumentIndexPage.objects.get(), with_file=True)
    _run(hanoi), _run(hcm)

    html = central_admin.get("/admin/tuan-thu-cac-tinh/?sap-xep=-diem").content.decode()

    assert html.index(hcm.province.short_name) < html.index(hanoi.province.short_name)


def test_the_centre_exports_every_province_to_excel(hanoi, hcm, central_admin):
    _run(hanoi)

    response = central_admin.get("/admin/tuan-thu-cac-tinh/?xuat=xlsx")
    sheet = load_workbook(BytesIO(response.content))["Tổng hợp"]

    assert [row[1] for row in sheet.iter_rows(min_row=3, values_only=True)] == [
        hanoi.province.short_name,
        hcm.province.short_name,
    ]


def test_the_centre_opens_a_provinces_detail(hanoi, central_admin):
    _run(hanoi)

    response = central_admin.get(f"/admin/tuan-thu-cac-tinh/{hanoi.province.pk}/")

    assert response.status_code == 200


def test_the_history_keeps_the_last_score_of_each_month(hanoi):
    old = _run(hanoi)
    last_month = timezone.localdate().replace(day=1) - datetime.timedelta(days=1)
    ComplianceRun.objects.filter(pk=old.pk).update(
        score=12.5, finished_at=timezone.make_aware(datetime.datetime.combine(last_month, datetime.time(12)))
    )
    connection.set_schema_to_public()

    _months, scores = monthly_scores()

    assert scores[hanoi.province.pk][last_month.replace(day=1)] == 12.5
