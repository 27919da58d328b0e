"""Behind nginx, the citizen's address (X-Real-IP) is believed only when nginx itself sent it."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from shared_apps.operations.proxy import ClientAddressFromProxyMiddleware


def _address_seen(remote_addr: str, real_ip: str | None) -> str:
    seen = {}

    def view(request):
        seen["address"] = request.META["REMOTE_ADDR"]
        return HttpResponse()

    headers = {"HTTP_X_REAL_IP": real_ip} if real_ip is not None else {}
    ClientAddressFromProxyMiddleware(view)(RequestFactory().get("/", REMOTE_ADDR=remote_addr, **headers))
    return seen["address"]


@override_settings(TRUSTED_PROXIES=["unix", "127.0.0.1", "::1", "10.0.0.0/8"])
@pytest.mark.parametrize(
    ("remote_addr", "real_ip", "expected"),
    [
        ("", "203.0.113.7", "203.0.113.7"),  # gunicorn's unix socket: only nginx reaches it
        ("127.0.0.1", "2001:db8::5", "2001:db8::5"),
        ("10.1.2.3", "203.0.113.8", "203.0.113.8"),  # an nginx host on the internal network
        ("198.51.100.4", "203.0.113.9", "198.51.100.4"),  # a client talking to gunicorn directly
        ("127.0.0.1", "not-an-address", "127.0.0.1"),
        ("127.0.0.1", None, "127.0.0.1"),
    ],
)
def test_the_client_address_comes_from_nginx_only(remote_addr, real_ip, expected):
    assert _address_seen(remote_addr, real_ip) == expected


def test_in_development_no_proxy_is_trusted():
    assert _address_seen("127.0.0.1", "203.0.113.7") == "127.0.0.1"
