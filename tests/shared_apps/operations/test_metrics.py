"""/metrics: request and task counters by schema, readable only from allowed addresses."""

import pytest
from django.utils import timezone
from django_tenants.utils import tenant_context
from prometheus_client import REGISTRY

from tenants.models import Province
from tenants.tasks import publish_scheduled_pages, run_onboarding_job


def _sample(name, **labels):
    return REGISTRY.get_sample_value(name, labels) or 0.0


@pytest.mark.django_db
def test_requests_are_counted_by_schema_method_and_status_class(hanoi, hcm):
    ok = {"schema": "hanoi", "method": "GET", "status": "2xx"}
    before = (
        _sample("bhxh_http_requests_total", **ok),
        _sample("bhxh_http_requests_total", schema="hanoi", method="GET", status="4xx"),
        _sample("bhxh_http_request_duration_seconds_count", **ok),
        _sample("bhxh_http_requests_total", schema="hcm", method="GET", status="2xx"),
    )

    hanoi.client().get("/")
    hanoi.client().get("/khong-co-trang-nay/")

    after = (
        _sample("bhxh_http_requests_total", **ok),
        _sample("bhxh_http_requests_total", schema="hanoi", method="GET", status="4xx"),
        _sample("bhxh_http_request_duration_seconds_count", **ok),
        _sample("bhxh_http_requests_total", schema="hcm", method="GET", status="2xx"),
    )
    assert [b - a for a, b in zip(before, after, strict=True)] == [1, 1, 1, 0]
    text = hcm.client().get("/metrics").content.decode()
    assert 'bhxh_http_requests_total{method="GET",schema="hanoi",status="2xx"}' in text


@pytest.mark.django_db
def test_metrics_are_not_found_from_outside_addresses(hanoi):
    assert hanoi.client(REMOTE_ADDR="203.0.113.5").get("/metrics").status_code == 404
    # Through nginx REMOTE_ADDR is loopback: the forwarded client address decides.
    assert hanoi.client(HTTP_X_FORWARDED_FOR="203.0.113.5").get("/metrics").status_code == 404
    assert hanoi.client(HTTP_X_FORWARDED_FOR="127.0.0.1, 203.0.113.5").get("/metrics").status_code == 404
    assert hanoi.client().get("/metrics").status_code == 200


@pytest.mark.django_db
def test_metrics_add_up_the_process_files_when_gunicorn_runs_several(hanoi, tmp_path, monkeypatch):
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))

    answer = hanoi.client().get("/metrics")

    assert answer.status_code == 200 and b"bhxh_http_requests_total" not in answer.content  # no process file yet


def test_tasks_are_counted_by_name_schema_and_outcome(worker):
    hanoi = Province.objects.get(code="01")
    succeeded = {"task": "tenants.tasks.publish_scheduled_pages", "schema": "hanoi", "outcome": "succeeded"}
    failed = {"task": "tenants.tasks.run_onboarding_job", "schema": "public", "outcome": "failed"}
    before = _sample("bhxh_celery_tasks_total", **succeeded), _sample("bhxh_celery_tasks_total", **failed)

    with tenant_context(hanoi):
        publish_scheduled_pages.delay().get(timeout=30)
    with pytest.raises(Exception, match="does not exist"):
        run_onboarding_job.delay(-int(timezone.now().timestamp())).get(timeout=30)

    after = _sample("bhxh_celery_tasks_total", **succeeded), _sample("bhxh_celery_tasks_total", **failed)
    assert [b - a for a, b in zip(before, after, strict=True)] == [1, 1]
