"""Counts each successful view of a public page in Redis (services.count_page_view); never breaks serving."""

from django.db import connection

from .services import count_page_view, is_countable_view


class PageViewCounterMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_countable_view(request, response):
            count_page_view(connection.schema_name, request.path)
        return response
