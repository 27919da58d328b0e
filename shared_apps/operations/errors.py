"""The answer to an unhandled error: a database out of reach for a moment is a 503, anything else Django's 500.

During a PostgreSQL failover (deploy/README.md, about 12 s) or a restart, every request that needs the
database fails with OperationalError/InterfaceError. A 500 would say the page is broken; a 503 with
Retry-After says "again in a few seconds", and nginx answers with its cached copy of the page where
it has one (`proxy_cache_use_stale … http_503`). The page is plain HTML rendered without a request
context: nothing on it may touch the database.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views import defaults

RETRY_AFTER_SECONDS = 15


def server_error(request):
    """handler500: 503 + Retry-After when the database is unreachable, else Django's own 500 page."""
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        response = HttpResponse(render_to_string("503.html", {"retry_after": RETRY_AFTER_SECONDS}), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    return defaults.server_error(request)
