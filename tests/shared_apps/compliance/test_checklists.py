"""The checklist is data: versions by effective date, swapped without code changes."""

import datetime
import json

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from shared_apps.compliance.checklists import DEFAULT_DIR, all_checklists, checklist_in_force
from shared_apps.compliance.models import ComplianceRun
from shared_apps.compliance.services import run_checks

ITEM = {
    "label": "Chuyên mục «Tiếp cận thông tin»",
    "check": "section_published",
    "severity": "nghiem-trong",
    "weight": 1,
    "legal_basis": "Nghị định 13/2018/NĐ-CP, Điều 11",
    "hint": "Xuất bản chuyên mục.",
}


def _version(folder, effective_from: str, slugs: list[str]) -> None:
    items = [{**ITEM, "key": slug, "params": {"slug": slug}} for slug in slugs]
    data = {"version": effective_from, "title": "Thử nghiệm", "effective_from": effective_from, "items": items}
    (folder / f"{effective_from}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_every_shipped_version_loads_and_names_only_registered_checks():
    assert [checklist.version for checklist in all_checklists()] == [
        path.stem for path in sorted(DEFAULT_DIR.glob("*.json"))
    ]


def test_the_version_in_force_is_the_latest_one_already_effective(tmp_path):
    _version(tmp_path, "2026-01-01", ["tiep-can-thong-tin"])
    _version(tmp_path, "2026-07-01", ["tiep-can-thong-tin"])

    with override_settings(COMPLIANCE_CHECKLIST_DIR=tmp_path):
        assert checklist_in_force(datetime.date(2026, 6, 30)).version == "2026-01-01"


def test_a_version_takes_over_on_its_effective_date(tmp_path):
    _version(tmp_path, "2026-01-01", ["tiep-can-thong-tin"])
    _version(tmp_path, "2026-07-01", ["tiep-can-thong-tin"])

    with override_settings(COMPLIANCE_CHECKLIST_DIR=tmp_path):
        assert checklist_in_force(datetime.date(2026, 7, 1)).version == "2026-07-01"


def test_an_item_naming_an_unknown_check_is_refused(tmp_path):
    _version(tmp_path, "2026-01-01", ["tiep-can-thong-tin"])
    data = json.loads((tmp_path / "2026-01-01.json").read_text(encoding="utf-8"))
    data["items"][0]["check"] = "khong-co"
    (tmp_path / "2026-01-01.json").write_text(json.dumps(data), encoding="utf-8")

    with override_settings(COMPLIANCE_CHECKLIST_DIR=tmp_path), pytest.raises(ImproperlyConfigured):
        all_checklists()


@pytest.mark.django_db
def test_a_new_version_in_force_changes_the_score_without_code_changes(hanoi, tmp_path):
    _version(tmp_path, "2020-01-01", ["tiep-can-thong-tin"])
    with override_settings(COMPLIANCE_CHECKLIST_DIR=tmp_path):
        before = run_checks(ComplianceRun.objects.create(province=hanoi.province))
        # A later rule set (say, under the Law on Digital Transformation) asks for one more section.
        _version(tmp_path, "2026-07-01", ["tiep-can-thong-tin", "chuyen-doi-so"])
        _version(tmp_path, "2099-01-01", ["chua-co-hieu-luc"])
        after = run_checks(ComplianceRun.objects.create(province=hanoi.province))

    assert (before.score, after.score, after.checklist_version) == (100.0, 50.0, "2026-07-01")
