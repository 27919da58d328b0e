"""Tìm kiếm — site search over every live page of the current province, with or without accents."""

from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.template.response import TemplateResponse
from wagtail.models import Page

from .text import fold

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    folded = " ".join(word for word in fold(query).split() if any(char.isalnum() for char in word))
    results = None
    if folded:
        hits = Page.objects.live().public().filter(depth__gte=3).search(folded, operator="and", order_by_relevance=True)
        paginator = Paginator(hits, RESULTS_PER_PAGE)
        try:
            results = paginator.page(request.GET.get("trang", 1))
        except (PageNotAnInteger, EmptyPage) as error:
            raise Http404("Không có trang kết quả này.") from error
        ids = [page.pk for page in results.object_list]
        specific = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}  # one query per type
        results.object_list = [specific[pk] for pk in ids if pk in specific]
    context = {"query": query, "results": results, "query_string": urlencode({"q": query})}
    return TemplateResponse(request, "site_search/results.html", context)
