"""Private storage of citizens' uploads: <PRIVATE_MEDIA_ROOT>/<schema_name>/…, never under MEDIA_ROOT.

The files have no public URL; they are served only by `views.private_file`, which checks the
user is staff of the province with the personal-data permission.
"""

from __future__ import annotations

import os
import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import connection
from django.utils import timezone
from django.utils.deconstruct import deconstructible


@deconstructible
class PrivateTenantStorage(FileSystemStorage):
    """A file system storage rooted at the current schema's private folder (looked up on each call)."""

    @property
    def base_location(self) -> str:
        return os.path.join(settings.PRIVATE_MEDIA_ROOT, connection.schema_name)

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no public URL; use the protected download view.")


private_storage = PrivateTenantStorage()


def private_upload_path(instance, filename: str) -> str:
    """A random name under the month's folder; the citizen's file name is kept only in the database."""
    extension = os.path.splitext(filename)[1].lower()
    return timezone.localdate().strftime("yeu-cau/%Y/%m/") + uuid.uuid4().hex + extension
