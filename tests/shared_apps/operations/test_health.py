"""/healthz/: database, cache, Celery and the file folders, the same answer on every host, nothing about a province."""

import pytest
from django.test import Client

FOLDERS_OK = {"media": "ok", "private_media": "ok"}
EVERYTHING_OK = {"status": "ok", "checks": {"database": "ok", "cache": "ok", "celery": "ok", **FOLDERS_OK}}
NO_WORKER = {"status": "error", "checks": {"database": "ok", "cache": "ok", "celery": "unavailable", **FOLDERS_OK}}


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


def test_health_says_private_media_is_unavailable_when_its_folder_cannot_be_written(worker, settings, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")  # fails for root too, unlike permissions
    settings.PRIVATE_MEDIA_ROOT = blocker / "private"

    answer = Client(HTTP_HOST="localhost").get("/healthz/")

    assert (answer.status_code, answer.json()["checks"]["private_media"]) == (503, "unavailable")
