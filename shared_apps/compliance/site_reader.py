"""Reading the current province's public pages as a citizen gets them, without a network round trip.

A request for the province's primary host goes through the whole middleware stack and URL conf,
as Wagtail's previews do (`wagtail.models.preview.make_preview_request`). Its User-Agent names a
bot, so visit statistics do not count it (tenant_apps/analytics).
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

from django.core.handlers.base import BaseHandler
from django.core.handlers.wsgi import WSGIRequest
from wagtail.models import Site

from tenants.schemas import current_province

USER_AGENT = "BHXH-compliance-bot/1.0"


@dataclass(frozen=True)
class FetchedPage:
    path: str
    status: int
    html: str


def current_site() -> Site:
    return Site.objects.get(is_default_site=True)


def public_url(path: str) -> str:
    """The address of `path` on the current province's site, for links from either admin."""
    return current_site().root_url + path


_handler: BaseHandler | None = None


def _get_handler() -> BaseHandler:
    global _handler
    if _handler is None:
        _handler = BaseHandler()
        _handler.load_middleware()
    return _handler


def fetch(path: str) -> FetchedPage:
    """GET `path` on the current province's site; the body is decoded unless it is streamed."""
    host = current_province().get_primary_domain().domain
    request = WSGIRequest(
        {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "SERVER_NAME": host,
            "SERVER_PORT": "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": host,
            "HTTP_USER_AGENT": USER_AGENT,
            "REMOTE_ADDR": "127.0.0.1",
            "wsgi.url_scheme": "http",
            "wsgi.input": BytesIO(),
            "wsgi.errors": BytesIO(),
        }
    )
    response = _get_handler().get_response(request)
    html = "" if response.streaming else response.content.decode(response.charset or "utf-8", errors="replace")
    return FetchedPage(path, response.status_code, html)
