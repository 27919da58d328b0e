"""Prometheus metrics: requests and Celery tasks, labelled by schema (one per province).

With PROMETHEUS_MULTIPROC_DIR set (gunicorn, Celery prefork) every process writes its samples
there and /metrics adds them up; the web and the worker of one host share the folder, so task
counters are scraped from the web's /metrics. Without it each process reports its own.
"""

from __future__ import annotations

import ipaddress
import os

from django.conf import settings
from django.http import Http404, HttpResponse
from prometheus_client import REGISTRY, CollectorRegistry, Counter, Histogram, generate_latest, multiprocess
from prometheus_client.exposition import CONTENT_TYPE_LATEST

KNOWN_METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}

REQUESTS = Counter("bhxh_http_requests_total", "HTTP requests answered", ["schema", "method", "status"])
REQUEST_SECONDS = Histogram(
    "bhxh_http_request_duration_seconds",
    "Time to answer an HTTP request, whole middleware stack included",
    ["schema", "method", "status"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
TASKS = Counter("bhxh_celery_tasks_total", "Celery tasks finished, by outcome", ["task", "schema", "outcome"])


def observe_request(schema: str, method: str, status_code: int, seconds: float) -> None:
    labels = (schema, method if method in KNOWN_METHODS else "OTHER", f"{status_code // 100}xx")
    REQUESTS.labels(*labels).inc()
    REQUEST_SECONDS.labels(*labels).observe(seconds)


def count_task(task_name: str, schema: str, outcome: str) -> None:
    TASKS.labels(task_name, schema, outcome).inc()


def _allowed(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(ip in ipaddress.ip_network(network) for network in settings.METRICS_ALLOWED_NETWORKS)


def _client_addresses(request) -> list[str]:
    """REMOTE_ADDR and every address a proxy forwarded: behind nginx REMOTE_ADDR is loopback itself."""
    forwarded = request.headers.get("X-Forwarded-For", "")
    return [
        request.META.get("REMOTE_ADDR", ""),
        *(part for part in forwarded.split(",") if part.strip()),
        *filter(None, [request.headers.get("X-Real-IP")]),
    ]


def metrics_view(request):
    """Prometheus text format, for addresses in METRICS_ALLOWED_NETWORKS only (404 to anyone else)."""
    if not all(_allowed(address) for address in _client_addresses(request)):
        raise Http404
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = REGISTRY
    return HttpResponse(generate_latest(registry), content_type=CONTENT_TYPE_LATEST)
