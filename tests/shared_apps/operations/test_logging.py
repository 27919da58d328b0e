"""Structured logs: one JSON line per request naming its schema, host, request id and user; tasks too."""

import json
import logging

import pytest
from celery.signals import task_success
from django.conf import settings
from django.utils.module_loading import import_string
from django_tenants.utils import tenant_context

from shared_apps.operations.observability import SchemaFilter
from tenants.models import Province
from tenants.tasks import publish_scheduled_pages


def _json_lines(records) -> list[dict]:
    """The records as production writes them (LOG_FORMAT=json)."""
    config = dict(settings.LOGGING["formatters"]["json"])
    formatter = import_string(config.pop("()"))(**config)
    return [json.loads(formatter.format(record)) for record in records]


@pytest.fixture
def log(caplog):
    caplog.handler.addFilter(SchemaFilter())
    caplog.set_level(logging.INFO)
    return caplog


@pytest.mark.django_db
def test_a_request_to_hanoi_is_logged_with_its_schema_and_never_another(hanoi, hcm, log):
    hanoi.client().get("/", HTTP_X_REQUEST_ID="yeu-cau-42")

    lines = _json_lines(log.records)
    (request_line,) = [line for line in lines if line["logger"] == "bhxh.requests"]
    assert request_line["schema_name"] == hanoi.province.schema_name == "hanoi"
    assert request_line["host"] == "hanoi.localhost" and request_line["request_id"] == "yeu-cau-42"
    assert request_line["method"] == "GET" and request_line["path"] == "/" and request_line["status"] == 200
    assert request_line["duration_ms"] >= 0 and request_line["user_id"] is None
    assert request_line["level"] == "INFO" and request_line["time"]
    assert all(hcm.province.schema_name not in json.dumps(line) for line in lines)


@pytest.mark.django_db
def test_the_request_line_names_the_signed_in_user_and_a_fresh_request_id(hanoi, log):
    browser = hanoi.signed_in_client()
    log.clear()

    response = browser.get("/admin/", HTTP_X_REQUEST_ID="không hợp lệ!")

    (request_line,) = [line for line in _json_lines(log.records) if line["logger"] == "bhxh.requests"]
    with hanoi.context():
        from django.contrib.auth import get_user_model

        assert request_line["user_id"] == get_user_model().objects.get(username="admin").pk
    assert request_line["request_id"] == response["X-Request-ID"] != "không hợp lệ!"


def test_a_line_logged_by_a_task_sent_from_hanoi_names_hanoi_schema(worker, log):
    """Logged from the worker thread while the task runs (Celery's own "succeeded" line is switched off
    in tests: the test worker sets the level to ERROR)."""

    def log_on_the_worker(sender, **kwargs):
        logging.getLogger("tenant_apps.example").info("Đã chạy xong")

    task_success.connect(log_on_the_worker, sender=publish_scheduled_pages, weak=False)
    try:
        with tenant_context(Province.objects.get(code="01")):
            publish_scheduled_pages.delay().get(timeout=30)
    finally:
        task_success.disconnect(log_on_the_worker, sender=publish_scheduled_pages)

    (line,) = [line for line in _json_lines(log.records) if line["message"] == "Đã chạy xong"]
    assert line["schema_name"] == "hanoi" and line["task_name"] == publish_scheduled_pages.name
