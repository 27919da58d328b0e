"""Views that nginx served from its page cache never reach Django, so its access log counts them.

nginx writes one JSON object per request (deploy/nginx/bhxh.conf.template, log format bhxh_json).
Every minute, beat reads the lines added since the last run and counts, with the same rule as the
middleware (services.is_countable), each view answered from the cache (HIT, STALE, UPDATING):
views that reached Django (MISS, BYPASS, none) were counted there already. The position reached
is kept beside the log, so a line is read once; a rotated (shorter) log is read from its start.
Runs on the machine whose nginx writes the log (NGINX_ACCESS_LOG), once per nginx host.
"""

from __future__ import annotations

import datetime
import json
import logging
from pathlib import Path

from django_tenants.utils import get_public_schema_name, schema_context

from tenants.models import Domain

from .services import count_page_view, is_countable

logger = logging.getLogger(__name__)

FROM_CACHE = {"HIT", "STALE", "UPDATING"}


def count_cached_views(log_path: Path, position_path: Path | None = None) -> int:
    """Count the cached views logged since the last call; return how many were counted."""
    position_path = position_path or log_path.with_name(log_path.name + ".counted")
    if not log_path.exists():
        return 0
    start = int(position_path.read_text() or 0) if position_path.exists() else 0
    if log_path.stat().st_size < start:  # rotated
        start = 0
    with schema_context(get_public_schema_name()):
        schemas = dict(Domain.objects.values_list("domain", "tenant__schema_name"))
    counted = 0
    with log_path.open("rb") as log:
        log.seek(start)
        for raw in log:
            if not raw.endswith(b"\n"):
                break  # a line nginx is still writing: read it next time
            start += len(raw)
            counted += _count_line(raw, schemas)
    position_path.write_text(str(start))
    return counted


def _count_line(raw: bytes, schemas: dict[str, str]) -> int:
    try:
        entry = json.loads(raw)
        if entry.get("cache") not in FROM_CACHE:
            return 0
        countable = is_countable(
            method=entry["method"],
            status=int(entry["status"]),
            schema=schemas.get(entry["host"]),
            path=entry["uri"],
            content_type=entry.get("type", ""),
            purpose=entry.get("purpose", ""),
            user_agent=entry.get("agent", ""),
        )
        when = datetime.datetime.fromisoformat(entry["time"])
    except (ValueError, KeyError, TypeError):
        logger.warning("Dòng nhật ký nginx không đọc được: %.200r", raw)
        return 0
    return int(countable and count_page_view(schemas[entry["host"]], entry["uri"], when))
