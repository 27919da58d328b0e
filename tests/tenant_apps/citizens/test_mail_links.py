"""Mails to citizens (Q&A answers, online-service receipts) link to the province that sent them."""

import re

import pytest
from django.core import mail

from tenant_apps.qa.models import Question, QuestionIndexPage, Topic
from tenant_apps.qa.services import publish_answer

pytestmark = pytest.mark.django_db
LINK = re.compile(r"https?://[^\s\"'<>]+")


def test_the_answer_mail_links_to_the_question_on_the_provinces_own_host_and_port(
    hanoi, hcm, settings, django_capture_on_commit_callbacks
):
    settings.PUBLIC_URL_SCHEME, settings.PUBLIC_URL_PORT = "https", 8443
    with hcm.context(), django_capture_on_commit_callbacks(execute=True):
        question = Question.objects.create(
            page=QuestionIndexPage.objects.get(),
            topic=Topic.HEALTH,
            title="Gia hạn thẻ BHYT",
            body="Tôi gia hạn ở đâu?",
            asker_name="Lan",
            email="lan@example.vn",
            commune="Phường Bến Nghé",
        )
        publish_answer(question, "<p>Tại đại lý thu.</p>", user=None)

    assert LINK.findall(mail.outbox[-1].body) == [f"https://hcm.localhost:8443{question.url}"]
