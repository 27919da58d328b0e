"""Production overrides: secrets and hosts must come from the environment."""

from .base import *  # noqa: F403
from .base import LOGGING, env

SECRET_KEY = env("DJANGO_SECRET_KEY")
# Rotation (deploy/README.md): the previous key keeps sessions and signed links valid meanwhile.
SECRET_KEY_FALLBACKS = env.list("DJANGO_SECRET_KEY_FALLBACKS", default=[])
DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Cookies only over HTTPS (base.py keeps them on plain http for `make run`); nosniff,
# Referrer-Policy, X-Frame-Options and the Content-Security-Policy come from base.py.
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)

# One JSON object per log line unless LOG_FORMAT says otherwise.
LOG_FORMAT = env("LOG_FORMAT", default="json")
LOGGING["handlers"]["console"]["formatter"] = LOG_FORMAT

# nginx reaches gunicorn on the unix socket or loopback (deploy/); compose adds its network.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=["unix", "127.0.0.1", "::1"])
