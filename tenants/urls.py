"""Absolute URLs of a province's (or the central) site: scheme, primary host and port.

Anything that leaves the site — an e-mail, a feed, a canonical link, a national original's address —
names the site it concerns through `absolute_url()`, never a hand-built `https://{host}`. The
scheme and port are the deployment's (`PUBLIC_URL_SCHEME`, `PUBLIC_URL_PORT`); the host is the
province's primary domain.
"""

from __future__ import annotations

from django.conf import settings

from .schemas import current_province

DEFAULT_PORTS = {"http": 80, "https": 443}


def site_port() -> int:
    """The port visitors use, as Wagtail's `Site.port` wants it (80 or 443 for the scheme's own)."""
    return settings.PUBLIC_URL_PORT or DEFAULT_PORTS[settings.PUBLIC_URL_SCHEME]


def base_url_for_host(host: str) -> str:
    port = site_port()
    netloc = host if port == DEFAULT_PORTS[settings.PUBLIC_URL_SCHEME] else f"{host}:{port}"
    return f"{settings.PUBLIC_URL_SCHEME}://{netloc}"


def base_url(province=None) -> str:
    """`http(s)://host[:port]` of `province`'s site (default: the schema the connection is in)."""
    province = province or current_province()
    return base_url_for_host(province.get_primary_domain().domain)


def absolute_url(province, path: str) -> str:
    """`path` (starting with /) on `province`'s site; `province=None` means the current schema's."""
    return base_url(province) + path
