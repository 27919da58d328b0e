"""/healthz/: database, cache and Celery, the same answer on every host, nothing about a province."""

import pytest
from django.test import Client

EVERYTHING_OK = {"status": "ok", "checks": {"database": "ok", "cache": "ok", "celery": "ok"}}
NO_WORKER = {"status": "error", "checks": {"database": "ok", "cache": "ok", "celery": "unavailable"}}


@pytest.mark.django_db
def test_health_without_a_worker_says_celery_is_unavailable_the_same_on_every_host(hanoi, hcm):
    answers = [site.client().get("/healthz/", HTTP_ACCEPT="text/html") for site in (hanoi, hcm)]

    for answer in answers:
        assert answer.status_code == 503
        assert answer.json() == NO_WORKER
        assert "no-cache" in answer["Cache-Control"]
    assert answers[0].content == answers[1].content
    body = answers[0].content.decode()
    assert "hanoi" not in body and "hcm" not in body


def test_health_is_ok_when_a_worker_answers_the_ping(worker):
    answer = Client(HTTP_HOST="localhost").get("/healthz/")

    assert answer.status_code == 200
    assert answer.json() == EVERYTHING_OK
