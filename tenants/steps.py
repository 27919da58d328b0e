"""The kernel's hook points: the steps that apps register for the kernel's own operations.

The tenancy kernel (this package) imports no app; the import-linter contract in pyproject.toml
keeps it so. Where one of its operations needs the apps' work (building a new province's site,
the central site, counting what a province archive holds, later merging two provinces) it runs
the functions that the apps registered for a Wagtail hook, in their `order`:

    from wagtail import hooks
    from tenants.steps import ONBOARD_PROVINCE

    @hooks.register(ONBOARD_PROVINCE, order=200)
    def create_board_groups(onboarding): ...

Each app registers its own steps in its own `wagtail_hooks.py`. The contract of every hook
(arguments, schema, transaction, idempotency, order ranges) is in docs/decisions.md,
"Hook points of the tenancy kernel".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wagtail import hooks
from wagtail.models import Page

from .models import Province

Reporter = Callable[[str], None]

# fn(onboarding: Onboarding) -> None; in the onboarding transaction and the province's schema.
ONBOARD_PROVINCE = "onboard_province"
# fn(onboarding: Onboarding) -> None; in the central site's transaction, in the public schema.
ONBOARD_CENTRAL_SITE = "onboard_central_site"
# fn() -> dict[str, int]; in the schema of the province being backed up (or just restored); reads only.
PROVINCE_BACKUP_CONTENTS = "province_backup_contents"
# fn(province: Province) -> None; after an in-place restore (`restore_province`), in the province's schema
# and one transaction: what the apps keep about the province outside its schema, or cached, catches up.
PROVINCE_RESTORED = "province_restored"
# fn(merge: ProvinceMerge) -> None; each step in a transaction of its own and the receiving province's
# schema; run again after a failure, so it must skip what `merge.moved()` says an earlier run copied.
MERGE_PROVINCES = "merge_provinces"
# Demo data for `make run` (manage.py setup_demo, in tenant_apps/demo). Steps must be idempotent.
# fn(report: Reporter) -> None; in the public schema, after ensure_central_site().
DEMO_CENTRAL_SITE = "demo_central_site"
# fn(demo) -> summary or None; in the province's schema and one transaction, after onboarding.
# `demo` has .province, .profile (the demo province's profile), .home (its home page) and .fill(text).
DEMO_PROVINCE = "demo_province"


@dataclass
class Onboarding:
    """What an onboarding step receives.

    `root_page` is None until the step that creates the site's root page (order < 200) sets it;
    later steps build on it. `report` takes one line per thing done or found, "Label: what".
    """

    province: Province
    created: bool  # this run created the Province row
    report: Reporter
    root_page: Page | None = None

    def child_page(self, slug: str) -> Page:
        """The specific page with `slug` directly under the root page, which an earlier step created."""
        page = self.root_page.get_children().filter(slug=slug).first() if self.root_page else None
        if page is None:
            raise LookupError(f"Onboarding has no page «{slug}» under the root page; check the steps' order.")
        return page.specific


@dataclass
class ProvinceMerge:
    """What a merge step receives: `source`'s content moves into `target` (both schemas exist).

    Steps run in the target's schema and read the source with `with merge.in_source():`. `moved()`
    and `remember()` key what was copied on the source's ids (kind "page", "image", "user"…), so a
    re-run skips it. `archive_root` is set by the step that makes the archive section (mode
    "archive"). `file_name()` is where a file of the source's media folder was copied to.
    """

    source: Province
    target: Province
    report: Reporter
    mode: str  # ProvinceMergeRecord.Mode: "sections" or "archive"
    record: Any  # the ProvinceMergeRecord
    archive_root: Page | None = None

    @property
    def source_label(self) -> str:
        """How moved content names where it came from, e.g. "Bảo hiểm xã hội tỉnh Hà Giang"."""
        return self.record.source_name

    def in_source(self):
        from django_tenants.utils import tenant_context

        return tenant_context(self.source)

    def moved(self, kind: str, source_id: int) -> int | None:
        row = self.record.objects_moved.filter(kind=kind, source_id=source_id).first()
        return row.target_id if row else None

    def remember(self, kind: str, source_id: int, target_id: int) -> None:
        self.record.objects_moved.update_or_create(kind=kind, source_id=source_id, defaults={"target_id": target_id})

    def file_name(self, name: str) -> str:
        """The storage name, in the target's media folder, of a source file called `name`."""
        return f"{MERGED_MEDIA_FOLDER}/{self.source.schema_name}/{name}" if name else name


# Where a merge copies the absorbed province's media, inside the receiving province's media folder.
MERGED_MEDIA_FOLDER = "sap-nhap"


def run_steps(hook_name: str, *args: Any) -> list[Any]:
    """Call every function registered for `hook_name`, lowest order first; return their results."""
    return [step(*args) for step in hooks.get_hooks(hook_name)]
