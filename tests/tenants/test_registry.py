"""The registry file the centre maintains: 34 units since 01/07/2025, each former unit once."""

import json
import unicodedata

from tenants.registry import REGISTRY_FILE, find_unit, load_registry


def test_registry_lists_the_34_current_provincial_units():
    units = load_registry()
    assert len(units) == 34
    assert sum(unit.kind == "thành phố" for unit in units.values()) == 6


def test_codes_and_slugs_are_unique_and_well_formed():
    units = list(load_registry().values())
    assert len({unit.code for unit in units}) == len(units)
    assert len({unit.slug for unit in units}) == len(units)
    for unit in units:
        assert unit.code.isdigit() and len(unit.code) == 2
        assert unit.slug.isascii() and unit.slug.isalnum() and unit.slug.islower()


def test_every_one_of_the_63_former_provinces_is_absorbed_exactly_once():
    former = [former for unit in load_registry().values() for former in unit.former_units]
    assert len(former) == 63
    assert len({f.code for f in former}) == 63
    assert len({f.name for f in former}) == 63


def test_a_units_code_is_the_code_of_one_of_the_units_it_absorbed():
    for unit in load_registry().values():
        assert unit.code in {former.code for former in unit.former_units}, unit


def test_names_are_unicode_nfc():
    raw = REGISTRY_FILE.read_text(encoding="utf-8")
    assert raw == unicodedata.normalize("NFC", raw)
    json.loads(raw)


def test_merged_units_match_the_2025_arrangement():
    hcm = find_unit("79")
    assert hcm.official_name == "Thành phố Hồ Chí Minh"
    assert {f.name for f in hcm.former_units} == {"Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"}
    assert find_unit("hue").former_units[0].name == "Thừa Thiên Huế"
    assert not find_unit("01").was_merged


def test_lookup_by_code_or_slug_and_office_name():
    assert find_unit("hanoi") == find_unit("01")
    assert find_unit("01").office_name == "Bảo hiểm xã hội thành phố Hà Nội"
    assert find_unit("99") is None
