"""The current schema's objects in one bucket of an S3-compatible server (MEDIA_STORAGE=s3).

Imported only when STORAGES names it: boto3 costs every process a third of a second and 38 MB.
"""

from __future__ import annotations

import posixpath

from django.db import connection
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage


class TenantS3Storage(S3Storage):
    """One bucket, the current schema's objects under `<location>/<schema_name>/`.

    Objects get no ACL of their own (the bucket's: private), and files are never replaced by a new
    upload of the same name (as on disk, the second "anh.jpg" gets a suffix). `media_url` is the URL
    under which `tenants.views.tenant_media` streams the schema's files after checking the host
    (MEDIA_URL); None: the files have no URL at all (citizens' uploads).
    """

    default_acl = None
    file_overwrite = False
    querystring_auth = True

    def get_default_settings(self) -> dict:
        return {**super().get_default_settings(), "media_url": None}

    @property
    def location(self) -> str:
        return posixpath.join(self._root_location, connection.schema_name)

    @location.setter
    def location(self, value: str) -> None:
        self._root_location = (value or "").strip("/")  # posixpath.join("", schema) is the schema

    def url(self, name, parameters=None, expire=None, http_method=None):
        if self.media_url is None:
            raise ValueError("Private files have no public URL; use the protected download view.")
        return f"{self.media_url.rstrip('/')}/{connection.schema_name}/{filepath_to_uri(name).lstrip('/')}"
