"""Checklist versions: what a province site must carry and do, kept as data (`checklists/*.json`).

Each file is one version with the date it takes effect; a run uses the version in force on its
day. A new rule set (e.g. the decree replacing NĐ 42/2022 under the Law on Digital
Transformation) is a new file, not new code: items name a registered check and its parameters.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .checks import REGISTRY
from .choices import Severity

DEFAULT_DIR = Path(__file__).resolve().parent / "checklists"


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    label: str
    check: str
    severity: str
    weight: int
    legal_basis: str
    hint: str
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Checklist:
    version: str
    title: str
    effective_from: datetime.date
    items: tuple[ChecklistItem, ...]


def checklist_dir() -> Path:
    return Path(getattr(settings, "COMPLIANCE_CHECKLIST_DIR", DEFAULT_DIR))


def _parse(path: Path) -> Checklist:
    data = json.loads(path.read_text(encoding="utf-8"))
    items = []
    for raw in data["items"]:
        item = ChecklistItem(
            key=raw["key"],
            label=raw["label"],
            check=raw["check"],
            severity=raw["severity"],
            weight=int(raw["weight"]),
            legal_basis=raw["legal_basis"],
            hint=raw["hint"],
            params=raw.get("params", {}),
        )
        if item.check not in REGISTRY:
            raise ImproperlyConfigured(f"{path.name}: mục «{item.key}» dùng kiểm tra chưa đăng ký «{item.check}».")
        if item.severity not in Severity.values:
            raise ImproperlyConfigured(f"{path.name}: mục «{item.key}» có mức độ không hợp lệ «{item.severity}».")
        items.append(item)
    keys = [item.key for item in items]
    if len(set(keys)) != len(keys):
        raise ImproperlyConfigured(f"{path.name}: trùng mã mục.")
    return Checklist(
        version=data["version"],
        title=data["title"],
        effective_from=datetime.date.fromisoformat(data["effective_from"]),
        items=tuple(items),
    )


def all_checklists() -> list[Checklist]:
    """Every version in the checklist folder, oldest first."""
    return sorted((_parse(path) for path in checklist_dir().glob("*.json")), key=lambda c: c.effective_from)


def checklist_in_force(day: datetime.date) -> Checklist:
    """The version with the latest effective date on or before `day`."""
    in_force = [checklist for checklist in all_checklists() if checklist.effective_from <= day]
    if not in_force:
        raise ImproperlyConfigured(f"Không có danh mục yêu cầu nào có hiệu lực ngày {day:%d/%m/%Y}.")
    return in_force[-1]
