"""The demo content fills every section once; a second run creates nothing."""

import pytest
from wagtail.models import Page

from tenant_apps.demo.content import fill_province
from tenant_apps.documents.models import LegalDocumentPage
from tenant_apps.news.models import NewsPage
from tenant_apps.offices.models import Office
from tenant_apps.procedures.models import ProcedurePage

pytestmark = pytest.mark.django_db


def test_demo_content_fills_every_section_and_is_idempotent(hanoi, hcm):
    with hanoi.context():
        fill_province(hanoi.province)
        counts = {model: model.objects.count() for model in (Page, NewsPage, LegalDocumentPage, ProcedurePage, Office)}
        fill_province(hanoi.province)
        again = {model: model.objects.count() for model in counts}
    assert counts == again
    assert counts[NewsPage] >= 8 and counts[LegalDocumentPage] >= 10 and counts[ProcedurePage] >= 4
    assert counts[Office] >= 4
    with hcm.context():
        assert not NewsPage.objects.exists()

    for query in ("41/2024/QH15", "41/2024", "luat bao hiem xa hoi"):
        html = hanoi.client().get("/van-ban/", {"q": query}).content.decode()
        assert ">41/2024/QH15</a>" in html, query
