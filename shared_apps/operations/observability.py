"""Structured logs and request metrics: every line names its schema, every request is timed.

Imported by the logging configuration, before apps are ready: no models here.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from contextvars import ContextVar

from celery import current_task
from django.db import connection

from .metrics import observe_request

request_logger = logging.getLogger("bhxh.requests")

_request_id: ContextVar[str] = ContextVar("request_id", default="-")
_host: ContextVar[str] = ContextVar("host", default="-")
# A request id from nginx ($request_id) is kept when it looks like one; anything else is replaced.
REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
# Monitors poll these every few seconds; their lines go to DEBUG.
QUIET_PATHS = {"/healthz/", "/metrics"}


class SchemaFilter(logging.Filter):
    """Add the connection's schema (set per request by django-tenants, per task by tenant-schemas-celery)
    and the current request's id and host to every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "schema_name"):
            record.schema_name = getattr(connection, "schema_name", "-")
        record.request_id = _request_id.get()
        record.host = _host.get()
        if current_task and current_task.request.id:
            record.task_name, record.task_id = current_task.name, current_task.request.id
        return True


class RequestObservabilityMiddleware:
    """First in MIDDLEWARE, so that the time and status it records cover the whole stack.

    One log line per request (schema, host, request id, user id, method, path, status, duration)
    and the Prometheus request counter and latency histogram, labelled by schema.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        given = request.headers.get("X-Request-ID", "")
        request_id = given if REQUEST_ID.match(given) else uuid.uuid4().hex
        tokens = (_request_id.set(request_id), _host.set(request.META.get("HTTP_HOST", "-")[:255]))
        try:
            response = self.get_response(request)
            seconds = time.perf_counter() - started
            tenant = getattr(request, "tenant", None)
            schema = tenant.schema_name if tenant is not None else "-"
            observe_request(schema, request.method, response.status_code, seconds)
            response["X-Request-ID"] = request_id
            user = getattr(request, "user", None)
            request_logger.log(
                logging.DEBUG if request.path in QUIET_PATHS else logging.INFO,
                "%s %s %s %.1f ms",
                request.method,
                request.path,
                response.status_code,
                seconds * 1000,
                extra={
                    "schema_name": schema,
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round(seconds * 1000, 1),
                    "user_id": user.pk if user is not None and user.is_authenticated else None,
                },
            )
            return response
        finally:
            _request_id.reset(tokens[0])
            _host.reset(tokens[1])
