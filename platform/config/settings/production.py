"""Production overrides: secrets and hosts must come from the environment.

Production never starts an embedded server: without its database, Redis or secret key it refuses
to start with one line, rather than coming up on an empty database.
"""

import os

REQUIRED_ENVIRONMENT = ("DATABASE_URL", "REDIS_URL", "DJANGO_SECRET_KEY")
_missing = [name for name in REQUIRED_ENVIRONMENT if not os.environ.get(name)]
if _missing:
    raise SystemExit(f"production settings: set {', '.join(_missing)} in the environment (deploy/env.example)")

from .base import *  # noqa: F403, E402
from .base import LOGGING, SILENCED_SYSTEM_CHECKS, env  # noqa: E402

SECRET_KEY = env("DJANGO_SECRET_KEY")
# Rotation (deploy/README.md): the previous key keeps sessions and signed links valid meanwhile.
SECRET_KEY_FALLBACKS = env.list("DJANGO_SECRET_KEY_FALLBACKS", default=[])
DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Cookies only over HTTPS (base.py keeps them on plain http for `make run`); nosniff,
# Referrer-Policy, X-Frame-Options and the Content-Security-Policy come from base.py.
SESSION_COOKIE_SECURE = True
# Links in e-mails, feeds and canonical addresses (tenants.urls): https on its own port.
PUBLIC_URL_SCHEME = env("PUBLIC_URL_SCHEME", default="https")
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
# Every host under a province's domain is ours and served over HTTPS.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SILENCED_SYSTEM_CHECKS = [
    *SILENCED_SYSTEM_CHECKS,
    # nginx answers plain http with a 301 to https (deploy/nginx/bhxh-http-redirect.conf.template).
    "security.W008",
    # Wagtail's admin previews pages in a frame of the same origin (X_FRAME_OPTIONS in base.py).
    "security.W019",
    # Joining browsers' HSTS preload list is the domain owner's decision, not the platform's.
    "security.W021",
]

# One JSON object per log line unless LOG_FORMAT says otherwise.
LOG_FORMAT = env("LOG_FORMAT", default="json")
LOGGING["handlers"]["console"]["formatter"] = LOG_FORMAT

# nginx reaches gunicorn on the unix socket or loopback (deploy/); compose adds its network.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=["unix", "127.0.0.1", "::1"])
