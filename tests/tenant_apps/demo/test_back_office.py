"""The demo fills every back-office screen of the board with real-looking data, once."""

import pytest
from django.contrib.auth import get_user_model

from shared_apps.reporting.models import ActivityReport, EstablishmentDossier, ReportStatus
from tenant_apps.demo.content import fill_province
from tenant_apps.editorial.models import BoardDecision, BoardMember, BoardRole, OperatingRules, RoyaltyContribution
from tenant_apps.qa.models import Question

pytestmark = pytest.mark.django_db

BACK_OFFICE = (BoardMember, BoardDecision, OperatingRules, RoyaltyContribution, Question)


@pytest.fixture
def filled(hanoi):
    with hanoi.context():
        fill_province(hanoi.province)
    return hanoi


def test_each_board_role_has_a_member_with_an_account_in_its_group(filled):
    with filled.context():
        for role in BoardRole:
            member = BoardMember.objects.filter(role=role).first()
            assert member.user.groups.get().name == role.label, role


def test_the_board_has_its_decision_and_two_versions_of_its_rules(filled):
    with filled.context():
        assert BoardDecision.objects.get(is_current=True).document is not None
        assert list(OperatingRules.objects.values_list("version", flat=True)) == [2, 1]


def test_royalty_lines_are_proposed_approved_and_paid(filled):
    with filled.context():
        statuses = set(RoyaltyContribution.objects.values_list("status", flat=True))
    assert statuses == {"de-xuat", "da-duyet", "da-tra"}


def test_questions_are_answered_waiting_and_overdue(filled):
    with filled.context():
        questions = list(Question.objects.all())
    assert {q.status for q in questions} == {Question.Status.PUBLISHED, Question.Status.NEW}
    assert any(q.is_overdue for q in questions)
    assert any(q.status == Question.Status.NEW and not q.is_overdue for q in questions)


def test_last_quarters_report_and_the_dossier_are_sent_to_the_centre(filled):
    report = ActivityReport.objects.get(province=filled.province)
    assert report.status == ReportStatus.SUBMITTED and report.narrative
    assert EstablishmentDossier.objects.get(province=filled.province).status == ReportStatus.SUBMITTED


def test_the_head_of_board_signs_in_with_the_demo_password(filled):
    with filled.context():
        assert get_user_model().objects.get(username="truongban").check_password("bhxh-demo-2026")
    answered = filled.signed_in_client("truongban").get("/admin/nhuan-but/")
    assert answered.status_code == 200


def test_a_second_run_adds_nothing(filled):
    with filled.context():
        counts = {model: model.objects.count() for model in BACK_OFFICE}
        fill_province(filled.province)
        again = {model: model.objects.count() for model in BACK_OFFICE}
    assert again == counts
    assert ActivityReport.objects.get(province=filled.province).events.count() == 2  # drafted, sent


def test_another_province_gets_none_of_it(filled, hcm):
    with hcm.context():
        assert not BoardMember.objects.exists() and not Question.objects.exists()
    assert not ActivityReport.objects.filter(province=hcm.province).exists()
