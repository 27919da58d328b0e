"""Private storage of citizens' uploads: the "private" storage of STORAGES, under <schema_name>/…

On disk that is <PRIVATE_MEDIA_ROOT>/<schema_name>/, never under MEDIA_ROOT; with MEDIA_STORAGE=s3 a
private bucket of its own (tenants/storage.py). The files have no public URL; they are served only by
`views.private_file`, which checks the user is staff of the province with the personal-data permission.
"""

from __future__ import annotations

import os
import uuid

from django.utils import timezone

from tenants.storage import StorageAlias


class PrivateTenantStorage(StorageAlias):
    """STORAGES["private"] of the current schema (the name the migrations know this field's storage by)."""


private_storage = PrivateTenantStorage()


def private_upload_path(instance, filename: str) -> str:
    """A random name under the month's folder; the citizen's file name is kept only in the database."""
    extension = os.path.splitext(filename)[1].lower()
    return timezone.localdate().strftime("yeu-cau/%Y/%m/") + uuid.uuid4().hex + extension
