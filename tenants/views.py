"""Media files of the current schema only: a province's host never serves another's files.

In production nginx serves /media/ from the same per-schema folder (deploy/nginx); this view
is what `make run` and the tests use, with the same rule.
"""

from pathlib import Path

from django.conf import settings
from django.db import connection
from django.http import Http404
from django.views.static import serve


def tenant_media(request, schema: str, path: str):
    """Serve /media/<schema>/<path> only when <schema> is the schema of the requested host."""
    schema_root = Path(settings.MEDIA_ROOT) / connection.schema_name
    if schema != connection.schema_name or not schema_root.is_dir():
        raise Http404
    return serve(request, path, document_root=str(schema_root))
