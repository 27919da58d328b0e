"""Tìm kiếm — the site's front door: everything a citizen can use, by kind, with or without accents."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404
from django.template.response import TemplateResponse

from .choices import Kind
from .selectors import popular_procedures, search_site, suggestion_with_results, synonym_bank

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    kind = request.GET.get("loai", "")
    kind = kind if kind in Kind.values else ""
    number = _page_number(request.GET.get("trang", "1"))
    context = {"query": query, "kind": kind, "kinds": Kind.choices, "results": None}
    if query:
        bank = synonym_bank()
        offset = (number - 1) * RESULTS_PER_PAGE
        outcome = search_site(query, kind=kind, limit=RESULTS_PER_PAGE, offset=offset, request=request, bank=bank)
        if number > 1 and offset >= outcome.total:
            raise Http404("Không có trang kết quả này.")
        results = Paginator(range(outcome.total), RESULTS_PER_PAGE).page(number)
        results.object_list = outcome.results
        context.update(
            results=results,
            total=outcome.total,
            pinned=outcome.pinned,
            kind_counts=[(value, label, outcome.counts.get(value, 0)) for value, label in Kind.choices],
            all_count=sum(outcome.counts.values()),
            query_string=urlencode({"q": query, **({"loai": kind} if kind else {})}),
            kindless_query=urlencode({"q": query}),
            is_empty=outcome.query.is_empty,
        )
        if not outcome.total and not outcome.pinned:
            suggestion = suggestion_with_results(query, request, bank)
            context.update(suggestion=suggestion, suggestion_query=urlencode({"q": suggestion}))
            context["popular"] = popular_procedures(request)
    response = TemplateResponse(request, "site_search/results.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


def _page_number(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise Http404("Không có trang kết quả này.")
    return int(value)
