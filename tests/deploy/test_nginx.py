"""deploy/nginx, rendered and run by Debian's nginx: page cache per host, purge, maintenance, headers.

nginx is real; the application behind it is a small stand-in that says which host and path it
served and how many times it was asked, so that caching can be seen from outside.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "deploy"))

from render_nginx import render  # noqa: E402
from stack import loopback_nginx_values  # noqa: E402

from tests.live_server import free_port  # noqa: E402

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")

pytestmark = pytest.mark.skipif(
    not (os.path.exists(NGINX) and PURGE_MODULE.exists()),
    reason="Debian's nginx-light and libnginx-mod-http-cache-purge are not installed "
    "(make test installs them with apt-get where it can)",
)


class _App(BaseHTTPRequestHandler):
    """Stands in for gunicorn: counts what reaches it."""

    hits = itertools.count(1)

    def do_GET(self):
        if self.path.startswith("/media/"):
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("X-Accel-Redirect", "/_protected_media/" + self.path.removeprefix("/media/"))
            self.end_headers()
            return
        body = (
            f"host={self.headers['Host']} path={self.path} hit={next(self.hits)} "
            f"forwarded_host={self.headers.get('X-Forwarded-Host', '')} real_ip={self.headers.get('X-Real-IP')}"
        ).encode()
        self.send_response(500 if self.path.startswith("/loi/") else 200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if self.path.startswith("/loi/"):  # an error page that claims it may be kept
            self.send_header("Cache-Control", "max-age=60")
        self.send_header("Content-Length", str(len(body)))
        if self.path.startswith("/bieu-mau/"):
            self.send_header("Set-Cookie", "csrftoken=abc; Path=/")
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        body = f"posted host={self.headers['Host']} hit={next(self.hits)}".encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def _start_nginx(upstream: str) -> dict:
    """deploy/nginx rendered for loopback in a folder of its own, in front of `upstream`, running."""
    base = Path(tempfile.mkdtemp(prefix="bhxh-nginx-"))
    os.chmod(base, 0o755)  # nginx workers (nobody) read the static, media and maintenance folders
    for folder in ("nginx", "cache", "logs", "static", "media/hanoi", "maintenance", "run", "acme"):
        (base / folder).mkdir(parents=True)
        os.chmod(base / folder, 0o755)
    (base / "media/hanoi/logo.png").write_bytes(b"\x89PNG hanoi")
    (base / "maintenance/maintenance.html").write_text("<h1>Đang bảo trì</h1>", encoding="utf-8")
    port, tls_port = free_port(), free_port()
    render(base / "nginx", loopback_nginx_values(base, upstream, port, tls_port))
    run = base / "run"
    (base / "nginx" / "nginx.conf").write_text(
        f"include /etc/nginx/modules-enabled/*.conf;\nworker_processes 1;\npid {run}/nginx.pid;\n"
        f"error_log {base}/logs/error.log;\nevents {{ worker_connections 256; }}\n"
        f"http {{ include /etc/nginx/mime.types; client_body_temp_path {run}/body; proxy_temp_path {run}/proxy;"
        f" fastcgi_temp_path {run}/fcgi; uwsgi_temp_path {run}/uwsgi; scgi_temp_path {run}/scgi;"
        f" include {base}/nginx/bhxh-http.conf; include {base}/nginx/bhxh.conf; }}\n"
    )
    subprocess.run([NGINX, "-q", "-t", "-c", str(base / "nginx/nginx.conf")], check=True, capture_output=True)
    subprocess.run([NGINX, "-c", str(base / "nginx/nginx.conf")], check=True)
    return {"port": port, "base": base}


def _stop_nginx(nginx: dict) -> None:
    subprocess.run([NGINX, "-s", "stop", "-c", str(nginx["base"] / "nginx/nginx.conf")], check=False)
    shutil.rmtree(nginx["base"], ignore_errors=True)


@pytest.fixture(scope="module")
def app():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _App)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()


@pytest.fixture(scope="module")
def nginx(app):
    running = _start_nginx(f"127.0.0.1:{app.server_port}")
    yield running
    _stop_nginx(running)


class _DyingNode(BaseHTTPRequestHandler):
    """An app node killed while it works: it takes the request, then closes without an answer."""

    received: list[str] = []

    def _die(self):
        self.received.append(f"{self.command} {self.path}")
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.close_connection = True

    do_GET = do_POST = _die

    def log_message(self, *args):
        pass


@pytest.fixture
def nginx_with_a_dying_node(app):
    """Two app nodes in the upstream; the first, listed first and so asked first, dies mid-request."""
    _DyingNode.received = []
    dying = ThreadingHTTPServer(("127.0.0.1", 0), _DyingNode)
    threading.Thread(target=dying.serve_forever, daemon=True).start()
    running = _start_nginx(f"127.0.0.1:{dying.server_port} 127.0.0.1:{app.server_port}")
    yield running
    _stop_nginx(running)
    dying.shutdown()


def _get(nginx, host: str, path: str = "/", method: str = "GET", **headers):
    request = urllib.request.Request(
        f"http://127.0.0.1:{nginx['port']}{path}", method=method, headers={"Host": host, **headers}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8", "replace")


def test_an_anonymous_page_is_served_from_the_cache_and_each_province_keeps_its_own_entry(nginx):
    _, first_headers, first = _get(nginx, "hanoi.localhost", "/tin-tuc/")
    _, second_headers, second = _get(nginx, "hanoi.localhost", "/tin-tuc/")
    _, _, other = _get(nginx, "hcm.localhost", "/tin-tuc/")

    assert first_headers["X-Cache-Status"] == "MISS" and second_headers["X-Cache-Status"] == "HIT"
    assert second == first and "host=hanoi.localhost" in first
    assert "host=hcm.localhost" in other


def test_signed_in_editors_and_pages_that_set_a_cookie_are_never_cached(nginx):
    _get(nginx, "hanoi.localhost", "/gioi-thieu/")
    _, _, as_editor = _get(nginx, "hanoi.localhost", "/gioi-thieu/", Cookie="sessionid=abc")
    _, _, again = _get(nginx, "hanoi.localhost", "/gioi-thieu/", Cookie="sessionid=abc")
    assert as_editor != again  # each one went to the application

    _, _, form = _get(nginx, "hanoi.localhost", "/bieu-mau/")
    _, headers, form_again = _get(nginx, "hanoi.localhost", "/bieu-mau/")
    assert form != form_again and headers["X-Cache-Status"] != "HIT"


def test_an_error_answer_is_never_cached_even_when_it_says_it_may_be(nginx):
    status, _, first = _get(nginx, "hanoi.localhost", "/loi/?q=luong+huu")
    _, headers, second = _get(nginx, "hanoi.localhost", "/loi/?q=luong+huu")
    assert status == 500 and first != second and headers["X-Cache-Status"] != "HIT"


def test_a_purge_from_the_app_servers_drops_only_that_hosts_entry(nginx):
    for host in ("hanoi.localhost", "hcm.localhost"):
        _get(nginx, host, "/van-ban/")
    status, _, _ = _get(nginx, "hanoi.localhost", "/van-ban/", method="PURGE")

    assert status == 200
    assert _get(nginx, "hanoi.localhost", "/van-ban/")[1]["X-Cache-Status"] == "MISS"
    assert _get(nginx, "hcm.localhost", "/van-ban/")[1]["X-Cache-Status"] == "HIT"


def test_a_maintenance_flag_closes_only_that_host_with_the_maintenance_page(nginx):
    flag = nginx["base"] / "maintenance" / "hanoi.localhost"
    flag.write_text("<h1>Trang Hà Nội đang bảo trì</h1>", encoding="utf-8")
    try:
        status, headers, body = _get(nginx, "hanoi.localhost", "/")
        assert status == 503 and "Trang Hà Nội đang bảo trì" in body and headers["Retry-After"] == "3600"
        assert headers["Content-Type"].startswith("text/html")
        assert _get(nginx, "hcm.localhost", "/")[0] == 200
    finally:
        flag.unlink()
    assert _get(nginx, "hanoi.localhost", "/")[0] == 200


def test_media_goes_through_the_application_check_and_the_internal_location_is_closed(nginx):
    status, headers, body = _get(nginx, "hanoi.localhost", "/media/hanoi/logo.png")
    assert status == 200 and body.endswith("hanoi") and headers["X-Content-Type-Options"] == "nosniff"
    assert _get(nginx, "hanoi.localhost", "/_protected_media/hanoi/logo.png")[0] == 404


def test_security_headers_are_sent_and_a_forwarded_host_from_outside_never_reaches_the_application(nginx):
    spoofed = {"X-Forwarded-Host": "evil.example", "X-Real-IP": "203.0.113.9"}
    _, headers, body = _get(nginx, "hanoi.localhost", "/lien-he/", **spoofed)
    assert headers["Strict-Transport-Security"].startswith("max-age=")
    assert headers["X-Content-Type-Options"] == "nosniff" and headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "SAMEORIGIN"
    assert "evil.example" not in body
    assert "real_ip=127.0.0.1" in body  # the address nginx saw, not the one the client claimed


def test_a_template_with_an_unknown_placeholder_is_refused(tmp_path, monkeypatch):
    import render_nginx

    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "x.conf.template").write_text("listen ${BHXH_NOT_A_SETTING};")
    monkeypatch.setattr(render_nginx, "TEMPLATES", tmp_path / "templates")
    with pytest.raises(SystemExit, match="BHXH_NOT_A_SETTING"):
        render(tmp_path / "out", {})


def test_a_get_that_meets_a_dying_node_is_answered_by_the_other(nginx_with_a_dying_node):
    status, _, body = _get(nginx_with_a_dying_node, "hanoi.localhost", "/tin-tuc/", Cookie="sessionid=x")
    assert status == 200 and "host=hanoi.localhost path=/tin-tuc/" in body
    assert _DyingNode.received == ["GET /tin-tuc/"]  # it did meet the dying node first


def test_a_post_that_meets_a_dying_node_is_never_sent_to_the_other(nginx_with_a_dying_node):
    status, _, _ = _get(nginx_with_a_dying_node, "hanoi.localhost", "/bieu-mau/", method="POST")
    assert status == 502  # it may have run on the node that died: not sent a second time
    assert _DyingNode.received == ["POST /bieu-mau/"]
