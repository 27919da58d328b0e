"""Tenant-aware file storages: every name is stored under `<schema_name>/`, the current connection's schema.

Like django-tenants' TenantFileSystemStorage (MEDIA_ROOT/<schema>/), the schema is looked up on each
call, so one storage object serves every province and a province never reaches another's files:

- `SchemaFolderStorage`: a folder named by a setting, `<root>/<schema>/` (citizens' uploads on disk);
- `tenants.s3_storage.TenantS3Storage`: one bucket of an S3-compatible server, keys
  `<location>/<schema>/<name>` (MEDIA_STORAGE=s3; docs/decisions.md, Media on object storage), in a
  module of its own so that boto3 (0.35 s, 38 MB a process) is imported only when it is configured;
- `StorageAlias`: a storage of STORAGES by name, looked up when used, for model fields whose migrations
  must not change when the backend does.

`media_files()`, `read_tree()`, `write_tree()` and `delete_tree()` walk a schema's files through the
Storage API (backups, restore, merges), whichever backend holds them.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterator

from django.conf import settings
from django.core.files.base import File
from django.core.files.storage import FileSystemStorage, Storage, default_storage, storages
from django.db import connection
from django.utils.functional import LazyObject
from django_tenants.utils import schema_context

PRIVATE_STORAGE_ALIAS = "private"


class SchemaFolderStorage(FileSystemStorage):
    """The folder a setting names (read on each call, as tests change it), one subfolder per schema; no URL."""

    def __init__(self, root_setting: str = "PRIVATE_MEDIA_ROOT", **kwargs):
        self.root_setting = root_setting
        super().__init__(**kwargs)

    @property
    def base_location(self) -> str:
        return os.path.join(getattr(settings, self.root_setting), connection.schema_name)

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no public URL; use the protected download view.")


class StorageAlias(LazyObject):
    """STORAGES[alias], looked up on every use: Django rebuilds its storages when STORAGES changes (tests
    switch to S3 that way), and the field's migration keeps naming this class whatever the backend is."""

    alias = PRIVATE_STORAGE_ALIAS

    @property
    def _wrapped(self):  # a data descriptor: read before the `empty` LazyObject keeps in __dict__
        return storages[self.alias]

    def _setup(self) -> None:
        pass

    def __copy__(self):
        return type(self)()

    def __deepcopy__(self, memo):
        return type(self)()

    def deconstruct(self):
        return f"{type(self).__module__}.{type(self).__qualname__}", (), {}


def private_storage() -> Storage:
    return storages[PRIVATE_STORAGE_ALIAS]


def uses_folders(storage: Storage) -> bool:
    return isinstance(storage, FileSystemStorage)


def shared_private_storage(folder: str) -> Storage:
    """Private files that belong to no schema (the centre's copies of provinces' dossiers), under
    `<PRIVATE_MEDIA_ROOT>/<folder>/`, or `<folder>/` of the private bucket with MEDIA_STORAGE=s3."""
    if getattr(settings, "MEDIA_STORAGE", "filesystem") != "s3":
        return FileSystemStorage(location=os.path.join(settings.PRIVATE_MEDIA_ROOT, folder), base_url=None)
    from storages.backends.s3 import S3Storage

    options = {k: v for k, v in settings.STORAGES[PRIVATE_STORAGE_ALIAS]["OPTIONS"].items() if k != "media_url"}
    return S3Storage(**options, location=folder, default_acl=None, file_overwrite=False, querystring_auth=True)


def media_storages() -> dict[str, tuple[Storage, str]]:
    """The two trees a schema owns, "media" (public) and "private-media" (citizens' uploads): each
    storage and the setting naming its folder when it keeps files on disk (<setting>/<schema>/)."""
    return {"media": (default_storage, "MEDIA_ROOT"), "private-media": (private_storage(), "PRIVATE_MEDIA_ROOT")}


# --- Walking a schema's files through the Storage API -------------------------------------------


def media_files(storage: Storage, folder: str = "") -> Iterator[str]:
    """Every file name under `folder` of the current schema, depth first."""
    try:
        directories, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield posixpath.join(folder, name) if folder else name
    for directory in sorted(directories):
        yield from media_files(storage, posixpath.join(folder, directory) if folder else directory)


def read_tree(storage: Storage, target: str | os.PathLike) -> int:
    """Copy the current schema's files into the local folder `target`; returns how many."""
    count = 0
    for name in media_files(storage):
        destination = os.path.join(target, *name.split("/"))
        os.makedirs(os.path.dirname(destination), exist_ok=True)
        with storage.open(name, "rb") as source, open(destination, "wb") as sink:
            for chunk in source.chunks():
                sink.write(chunk)
        count += 1
    return count


def write_tree(storage: Storage, source: str | os.PathLike, prefix: str = "") -> int:
    """Store every file of the local folder `source` in the current schema under `prefix`, replacing
    files of the same name (a re-run writes the same names); returns how many."""
    count = 0
    for folder, _directories, files in os.walk(source):
        for filename in sorted(files):
            relative = os.path.relpath(os.path.join(folder, filename), source).replace(os.sep, "/")
            name = posixpath.join(prefix, relative) if prefix else relative
            if storage.exists(name):
                storage.delete(name)
            with open(os.path.join(folder, filename), "rb") as handle:
                stored = storage.save(name, File(handle, name=filename))
            if stored != name:
                raise OSError(f"{name} was stored as {stored}")
            count += 1
    return count


def delete_tree(storage: Storage) -> int:
    """Delete every file of the current schema; returns how many."""
    names = list(media_files(storage))
    for name in names:
        storage.delete(name)
    return len(names)


def copy_tree(storage: Storage, source_schema: str, target_schema: str, prefix: str) -> int:
    """Copy every file of `source_schema` into `target_schema` under `prefix`, replacing files of the
    same name (a re-run is safe); returns how many."""
    with schema_context(source_schema):
        names = list(media_files(storage))
    for name in names:
        with schema_context(source_schema):
            data = storage.open(name, "rb")
        try:
            with schema_context(target_schema):
                copy = posixpath.join(prefix, name)
                if storage.exists(copy):
                    storage.delete(copy)
                storage.save(copy, File(data, name=posixpath.basename(name)))
        finally:
            data.close()
    return len(names)
