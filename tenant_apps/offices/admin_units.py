"""Đơn vị hành chính — today's provinces and communes (two levels since 01/07/2025), and where an
address written before that date lies now.

The data is the `vietnamadminunits` package's (pinned in requirements.txt), not a list kept here.
Its import reads a few megabytes of JSON, so it happens on first use. Only administrative parts of
an address are ever handed to its converter: given a street, the converter geocodes it over the
network, which a province site must never do.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Commune:
    code: str
    name: str  # "Phường Ngọc Hà"


@dataclass(frozen=True)
class FormerAddress:
    """An address of before 01/07/2025 and the commune(s) that cover it today."""

    old_ward: str  # "Phường Cống Vị"; empty when only a district was given
    old_district: str  # "Quận Ba Đình"
    new_communes: tuple[str, ...]  # ("Phường Ngọc Hà",)

    @property
    def explanation(self) -> str:
        """ "Phường Cống Vị (quận Ba Đình cũ) nay thuộc phường Ngọc Hà"."""
        names = {
            "ward": self.old_ward,
            "district": _lower_first(self.old_district),
            "new": ", ".join(_lower_first(name) for name in self.new_communes),
        }
        if self.old_ward:
            return _("%(ward)s (%(district)s cũ) nay thuộc %(new)s") % names
        return _("%(district)s (cũ) nay gồm %(new)s") % {**names, "district": self.old_district}


def _lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]


@cache
def provinces() -> dict[str, str]:
    """Today's provincial-level units: official code → official name ("01" → "Thành phố Hà Nội")."""
    from vietnamadminunits.database import get_data

    rows = get_data(fields=["provinceCode", "province"], table="admin_units")
    return dict(sorted((row["provinceCode"], row["province"]) for row in rows))


@cache
def communes(province_code: str) -> tuple[Commune, ...]:
    """Today's communes and wards of a province, sorted as Vietnamese readers expect (by folded name)."""
    from vietnamadminunits.database import query

    from tenant_apps.search.text import fold

    if not province_code.isdigit():  # the package's query() takes no parameters
        return ()
    rows = query(f"SELECT DISTINCT wardCode, ward FROM admin_units WHERE provinceCode = '{province_code}'")
    return tuple(sorted((Commune(row["wardCode"], row["ward"]) for row in rows), key=lambda c: fold(c.name)))


def commune_choices(province_code: str) -> list[tuple[str, str]]:
    """Today's communes of a province as a select's choices, the name as the value."""
    return [(commune.name, commune.name) for commune in communes(province_code)]


def find_former_address(text: str, province_names: list[str]) -> FormerAddress | None:
    """The former ward and district named in `text` ("phường Cống Vị, quận Ba Đình", "huyện Sóc Sơn"),
    looked for in each of `province_names` (a province and those it absorbed), and today's communes."""
    from vietnamadminunits import ParseMode, convert_address, parse_address

    for province_name in province_names:
        old = parse_address(f"{text}, {province_name}", mode=ParseMode.LEGACY, keep_street=False, level=3)
        if not old.district_key:
            continue
        if old.ward_key:
            new = convert_address(old.get_address())  # no street: never geocoded
            if new.ward:
                return FormerAddress(old.ward, old.district, (new.ward,))
        else:
            names = _communes_from_district(old.province_key, old.district_key)
            if names:
                return FormerAddress("", old.district, names)
    return None


def _communes_from_district(province_key: str, district_key: str) -> tuple[str, ...]:
    """Today's communes made (wholly or partly) from a former district, from the converter's tables."""
    from vietnamadminunits import ParseMode, parse_address
    from vietnamadminunits.converter import converter_2025 as tables

    new_province = next((key for key, olds in tables.DICT_PROVINCE.items() if province_key in olds), None)
    if new_province is None:
        return ()
    prefix = f"{province_key}_{district_key}_"
    keys = [
        new_key
        for new_key, old_keys in tables.DICT_PROVINCE_WARD_NO_DIVIDED.get(new_province, {}).items()
        if any(old_key.startswith(prefix) for old_key in old_keys)
    ]
    keys += [
        ward["newWardKey"]
        for old_key, wards in tables.DICT_PROVINCE_WARD_DIVIDED.get(new_province, {}).items()
        if old_key.startswith(prefix)
        for ward in wards
    ]
    names = (parse_address(f"{key}, {new_province}", mode=ParseMode.FROM_2025, level=2).ward for key in keys)
    return tuple(dict.fromkeys(name for name in names if name))
