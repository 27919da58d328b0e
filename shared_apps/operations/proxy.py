"""The client's own address behind nginx.

gunicorn sees nginx, not the citizen: over the unix socket REMOTE_ADDR is empty. nginx sends the
address it saw in X-Real-IP (deploy/nginx/bhxh-proxy.conf, set, never appended), and this
middleware, first in the stack, makes it REMOTE_ADDR for everything after it: django-axes
lock-outs, the forms' rate limits, logs and metrics. The header is believed only from
TRUSTED_PROXIES, so a client talking to gunicorn directly cannot pick its own address.
"""

import ipaddress
from functools import cache

from django.conf import settings


@cache
def _trusted_networks(entries: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries if entry)


def is_trusted_proxy(address: str) -> bool:
    entries = tuple(settings.TRUSTED_PROXIES)
    if address == "":
        return "unix" in entries  # gunicorn on a unix socket: only nginx can reach it
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in _trusted_networks(tuple(e for e in entries if e != "unix")))


class ClientAddressFromProxyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        forwarded = request.META.get("HTTP_X_REAL_IP", "").strip()
        if forwarded and is_trusted_proxy(request.META.get("REMOTE_ADDR", "")):
            try:
                request.META["REMOTE_ADDR"] = str(ipaddress.ip_address(forwarded))
            except ValueError:
                pass  # not an address: keep the proxy's own
        return self.get_response(request)
