"""Operations that change state: the maintenance flag files nginx looks at."""

from __future__ import annotations

import datetime
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from .models import MaintenanceWindow
from .selectors import hosts_in_maintenance

MAINTENANCE_PAGE = "maintenance.html"
HOST_NAME = re.compile(r"^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$")


@dataclass
class FlagChanges:
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def render_maintenance_page(window: MaintenanceWindow | None = None) -> str:
    """A self-contained page (no external files) for nginx to serve while a site is in maintenance."""
    return render_to_string("operations/maintenance_page.html", {"window": window})


def _write_atomically(path: Path, text: str) -> None:
    """nginx never sees a half-written file: write a temporary file, then rename it."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(text)
    os.chmod(temporary, 0o644)
    os.replace(temporary, path)


def sync_maintenance_flags(now: datetime.datetime | None = None, flag_dir: Path | None = None) -> FlagChanges:
    """Make MAINTENANCE_FLAG_DIR hold one file per host in maintenance now, and nothing else.

    Each flag file is that host's maintenance page (reason and end time); `maintenance.html` is the
    generic page. nginx answers 503 with one of them when `$flag_dir/$host` exists (deploy/).
    """
    flag_dir = Path(flag_dir or settings.MAINTENANCE_FLAG_DIR)
    flag_dir.mkdir(parents=True, exist_ok=True)
    _write_atomically(flag_dir / MAINTENANCE_PAGE, render_maintenance_page())
    hosts = hosts_in_maintenance(now or timezone.now())
    changes = FlagChanges()
    for host, window in sorted(hosts.items()):
        flag = flag_dir / host
        page = render_maintenance_page(window)
        if not flag.exists() or flag.read_text(encoding="utf-8") != page:
            _write_atomically(flag, page)
            changes.written.append(host)
    for flag in sorted(flag_dir.iterdir()):
        if flag.is_file() and flag.name != MAINTENANCE_PAGE and HOST_NAME.match(flag.name) and flag.name not in hosts:
            flag.unlink()
            changes.removed.append(flag.name)
    return changes
