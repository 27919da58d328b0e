"""Pagination of the public lists (news, documents, questions), one rule for every page type."""

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.http import Http404, HttpRequest


def paginate(request: HttpRequest, queryset, per_page: int) -> Page:
    """A page of results; a page number that is not a number or past the end is a 404."""
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(request.GET.get("trang", 1))
    except (PageNotAnInteger, EmptyPage) as error:
        raise Http404("Không có trang kết quả này.") from error
