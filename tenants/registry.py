"""The registry of provincial-level units (danh mục đơn vị hành chính cấp tỉnh).

The centre maintains `data/provinces.json`; onboarding reads a unit's official code, name
and slug from it. The number of units is data, never a constant in code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

REGISTRY_FILE = Path(__file__).resolve().parent / "data" / "provinces.json"


@dataclass(frozen=True)
class FormerUnit:
    code: str
    name: str


@dataclass(frozen=True)
class ProvincialUnit:
    """Đơn vị hành chính cấp tỉnh — one row of the registry."""

    code: str
    short_name: str
    official_name: str
    kind: str  # "tỉnh" or "thành phố" (centrally-run city)
    slug: str
    former_units: tuple[FormerUnit, ...]
    # Set in the file only where usage differs from the rule (e.g. "Thành phố Hồ Chí Minh").
    office_name_override: str = ""

    @property
    def office_name(self) -> str:
        """Name of the provincial social-security office, e.g. "Bảo hiểm xã hội thành phố Hà Nội"."""
        return self.office_name_override or f"Bảo hiểm xã hội {self.official_name[0].lower()}{self.official_name[1:]}"

    @property
    def was_merged(self) -> bool:
        return len(self.former_units) > 1


@cache
def load_registry(path: Path = REGISTRY_FILE) -> dict[str, ProvincialUnit]:
    """All units keyed by official code, in registry order."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {
        row["code"]: ProvincialUnit(
            code=row["code"],
            short_name=row["short_name"],
            official_name=row["official_name"],
            kind=row["kind"],
            slug=row["slug"],
            former_units=tuple(FormerUnit(**former) for former in row["former_units"]),
            office_name_override=row.get("office_name", ""),
        )
        for row in data["units"]
    }


def find_unit(code_or_slug: str) -> ProvincialUnit | None:
    """Look a unit up by its official code ("01") or its slug ("hanoi")."""
    registry = load_registry()
    key = code_or_slug.strip().lower()
    if key in registry:
        return registry[key]
    return next((unit for unit in registry.values() if unit.slug == key), None)
