"""The establishment dossier: a checklist with files, submitted to the centre, accepted or returned."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from shared_apps.reporting.models import DossierItemKind, EstablishmentDossier, ReportStatus

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _save(browser, kind, details, file=None):
    data = {"muc": kind, f"{kind}-details": details}
    if file is not None:
        data[f"{kind}-file"] = file
    return browser.post("/admin/ho-so-thanh-lap/", data)


def test_the_board_completes_the_checklist_submits_and_the_centre_accepts(hanoi, hcm, central_admin):
    head = hanoi.signed_in_client()
    assert "Còn thiếu" in head.post("/admin/ho-so-thanh-lap/", {"gui": "1"}, follow=True).content.decode()
    for kind in DossierItemKind:
        upload = SimpleUploadedFile(f"{kind.value}.pdf", PDF, "application/pdf")
        assert _save(head, kind.value, f"Thông tin {kind.label}", upload).status_code == 302
    head.post("/admin/ho-so-thanh-lap/", {"gui": "1"})
    dossier = EstablishmentDossier.objects.get(province=hanoi.province)
    assert dossier.status == ReportStatus.SUBMITTED and dossier.items.count() == 5

    table = central_admin.get("/admin/tong-hop-ho-so/").content.decode()
    assert "Đã gửi Trung ương" in table and "Chưa lập hồ sơ" in table  # HCM has none
    item = dossier.items.get(kind="quyet-dinh")
    assert central_admin.get(f"/admin/ho-so-thanh-lap/tep/{item.pk}/").status_code == 200
    assert hcm.signed_in_client().get(f"/admin/ho-so-thanh-lap/tep/{item.pk}/").status_code == 404
    assert hcm.client().get(f"/admin/ho-so-thanh-lap/tep/{item.pk}/").status_code == 302  # not signed in

    central_admin.post(f"/admin/tong-hop-ho-so/{dossier.pk}/", {"decision": "tra-lai", "comment": "Bổ sung quy chế."})
    dossier.refresh_from_db()
    assert dossier.status == ReportStatus.RETURNED
    assert _save(head, "quy-che", "Quy chế sửa đổi").status_code == 302
    head.post("/admin/ho-so-thanh-lap/", {"gui": "1"})
    central_admin.post(f"/admin/tong-hop-ho-so/{dossier.pk}/", {"decision": "chap-nhan", "comment": ""})
    dossier.refresh_from_db()
    assert dossier.status == ReportStatus.ACCEPTED


def test_a_file_that_is_not_a_pdf_or_image_is_refused(hanoi):
    head = hanoi.signed_in_client()
    fake = SimpleUploadedFile("quyet-dinh.pdf", b"<html><script>alert(1)</script></html>", "application/pdf")
    html = _save(head, "quyet-dinh", "Quyết định số 12", fake).content.decode()
    assert "không phải PDF, JPEG hoặc PNG" in html
    assert not EstablishmentDossier.objects.get(province=hanoi.province).items.exists()
