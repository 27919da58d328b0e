"""Read queries of the document library."""

from __future__ import annotations

from django.db.models import Prefetch, Q, QuerySet
from wagtail.models import Page

from tenant_apps.search.text import fold

from .models import LegalDocumentAttachment, LegalDocumentPage

SORTS = {
    "moi-nhat": ("-signed_date", "-pk"),
    "cu-nhat": ("signed_date", "pk"),
    "so-hieu": ("number", "pk"),
    "hieu-luc": ("-effective_date", "-pk"),
}
DEFAULT_SORT = "moi-nhat"


def issuers_of(index: Page) -> list[str]:
    return list(
        LegalDocumentPage.objects.live()
        .descendant_of(index)
        .order_by("issuer")
        .values_list("issuer", flat=True)
        .distinct()
    )


def filter_documents(index: Page, filters: dict) -> QuerySet[LegalDocumentPage]:
    """Live documents under `index`, filtered by the cleaned filter form, sorted, files prefetched."""
    documents = LegalDocumentPage.objects.live().public().descendant_of(index)
    for name in ("doc_type", "field", "issuer", "status"):
        if filters.get(name):
            documents = documents.filter(**{name: filters[name]})
    if filters.get("year"):
        documents = documents.filter(signed_date__year=filters["year"])
    if filters.get("q"):
        # Full-text hits, plus documents whose number contains the query ("41/2024" finds
        # "41/2024/QH15": the text parser keeps a number with slashes as one token).
        # The hits are fetched on their own first: as a subquery, PostgreSQL misjudges the
        # full-text match as one row and joins it by a text cast in a nested loop (2 s for
        # 10,000 documents instead of 40 ms; bench/README.md, documents). Only the ids are
        # needed: no ranking, and `documents` checks live and public itself.
        hits = LegalDocumentPage.objects.search(
            fold(filters["q"]), operator="and", order_by_relevance=False
        ).get_queryset()
        hit_ids = list(hits.values_list("pk", flat=True))
        documents = documents.filter(Q(pk__in=hit_ids) | Q(number__icontains=filters["q"].strip()))
    return documents.order_by(*SORTS[filters.get("sort") or DEFAULT_SORT]).prefetch_related(
        Prefetch("attachments", queryset=LegalDocumentAttachment.objects.select_related("document")),
    )
