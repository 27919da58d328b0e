"""Render deploy/nginx/*.template into a directory nginx includes.

    python deploy/render_nginx.py OUTPUT_DIR [BHXH_NAME=value ...]

Only `${BHXH_*}` placeholders are replaced (from the arguments, then the environment, then the
production defaults below); nginx's own `$variables` are left alone. Files without `.template`
are copied as they are. An unknown placeholder stops the render with one line.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent / "nginx"
PLACEHOLDER = re.compile(r"\$\{(BHXH_[A-Z0-9_]+)\}")

PRODUCTION = {
    "BHXH_APP_UPSTREAM": "unix:/run/bhxh/gunicorn.sock",
    "BHXH_BASE_DOMAIN": "bhxh.gov.vn",
    "BHXH_CACHE_DIR": "/var/cache/nginx/bhxh",
    "BHXH_LOG_DIR": "/var/log/nginx",
    "BHXH_HTTP_LISTEN": "80",
    "BHXH_HTTP_LISTEN6": "[::]:80",
    "BHXH_HTTPS_LISTEN": "443",
    "BHXH_HTTPS_LISTEN6": "[::]:443",
    "BHXH_TLS_DIR": "/etc/letsencrypt/live",
    "BHXH_ACME_ROOT": "/var/www/acme",
    "BHXH_STATIC_ROOT": "/srv/bhxh/static",
    "BHXH_MEDIA_ROOT": "/srv/bhxh/media",
    "BHXH_MAINTENANCE_DIR": "/srv/bhxh/maintenance",
    # App servers and monitoring allowed to PURGE and to read /metrics (besides loopback).
    "BHXH_INTERNAL_NETWORK": "10.0.0.0/8",
}


def render(output_dir: Path, overrides: dict[str, str]) -> None:
    values = {**PRODUCTION, **{k: v for k, v in os.environ.items() if k.startswith("BHXH_")}, **overrides}
    values["BHXH_CONF_DIR"] = str(output_dir)
    values.setdefault("BHXH_APP_SERVERS", upstream_servers(values["BHXH_APP_UPSTREAM"]))
    values.setdefault("BHXH_HTTP_BODY", str(output_dir / "bhxh-http-redirect.conf"))
    output_dir.mkdir(parents=True, exist_ok=True)
    for source in sorted(TEMPLATES.glob("*.conf*")):
        text = source.read_text(encoding="utf-8")
        if source.suffix == ".template":
            text = fill(source, values)
        (output_dir / source.name.removesuffix(".template")).write_text(text, encoding="utf-8")


def upstream_servers(addresses: str) -> str:
    """nginx `server` lines for BHXH_APP_UPSTREAM, one address or several (spaces or commas).

    One node is never marked down (it is all there is); of several, one that fails once is left out
    for 5 seconds, then tried again."""
    nodes = addresses.replace(",", " ").split()
    options = "fail_timeout=0" if len(nodes) == 1 else "max_fails=1 fail_timeout=5s"
    return "\n".join(f"    server {node} {options};" for node in nodes)


def fill(template: Path, values: dict[str, str]) -> str:
    """The template's text with every `${BHXH_*}` replaced; a placeholder without a value stops."""
    text = template.read_text(encoding="utf-8")
    missing = sorted(set(PLACEHOLDER.findall(text)) - values.keys())
    if missing:
        raise SystemExit(f"{template.name}: no value for {', '.join(missing)}")
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], text)


def main(argv: list[str]) -> None:
    if not argv:
        raise SystemExit(__doc__)
    overrides = dict(argument.split("=", 1) for argument in argv[1:])
    render(Path(argv[0]).resolve(), overrides)


if __name__ == "__main__":
    main(sys.argv[1:])
