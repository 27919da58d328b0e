"""Ban Biên tập roles (founding letter §2) as Wagtail groups with matching permissions.

Each province schema has its own groups; onboarding calls `ensure_board_groups()`, which is
idempotent and resets each group to exactly the permissions listed here.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page


@dataclass(frozen=True)
class BoardRole:
    name: str
    page_permissions: tuple[str, ...]
    collection_permissions: tuple[str, ...]
    model_permissions: tuple[str, ...]  # "app_label.codename"


ADMIN_ACCESS = ("wagtailadmin.access_admin",)
MEDIA_FULL = ("add_image", "change_image", "choose_image", "add_document", "change_document", "choose_document")
MEDIA_CONTRIBUTE = ("add_image", "choose_image", "add_document", "choose_document")

HEAD_OF_BOARD = BoardRole(
    name="Trưởng ban",
    page_permissions=("add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"),
    collection_permissions=(*MEDIA_FULL, "delete_image", "delete_document"),
    model_permissions=(*ADMIN_ACCESS, "auth.add_user", "auth.change_user"),
)
DEPUTY_HEAD = BoardRole(
    name="Phó ban",
    page_permissions=("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
    collection_permissions=MEDIA_FULL,
    model_permissions=ADMIN_ACCESS,
)
EDITOR = BoardRole(
    name="Biên tập viên",
    page_permissions=("add_page", "change_page"),
    collection_permissions=MEDIA_FULL,
    model_permissions=ADMIN_ACCESS,
)
REPORTER = BoardRole(
    name="Phóng viên, Cộng tác viên",
    page_permissions=("add_page",),
    collection_permissions=MEDIA_CONTRIBUTE,
    model_permissions=ADMIN_ACCESS,
)
TECHNICAL_ADMIN = BoardRole(
    name="Quản trị kỹ thuật",
    page_permissions=(),
    collection_permissions=(),
    model_permissions=(
        *ADMIN_ACCESS,
        "auth.add_user",
        "auth.change_user",
        "auth.delete_user",
        "wagtailcore.change_site",
        "wagtailredirects.add_redirect",
        "wagtailredirects.change_redirect",
        "wagtailredirects.delete_redirect",
    ),
)

BOARD_ROLES: tuple[BoardRole, ...] = (HEAD_OF_BOARD, DEPUTY_HEAD, EDITOR, REPORTER, TECHNICAL_ADMIN)
# Groups created by Wagtail's own migrations, replaced by the board roles above.
WAGTAIL_DEFAULT_GROUPS = ("Moderators", "Editors")


def _permissions(codenames: tuple[str, ...], app_label: str | None = None) -> list[Permission]:
    found = []
    for name in codenames:
        label, codename = name.split(".") if "." in name else (app_label, name)
        query = Permission.objects.filter(codename=codename)
        if label:
            query = query.filter(content_type__app_label=label)
        found.extend(query)
    return found


def ensure_board_groups(root_page: Page) -> list[Group]:
    """Create (or reset) the board's groups in the current schema, page rights rooted at `root_page`."""
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS).delete()
    root_collection = Collection.get_first_root_node()
    groups = []
    for role in BOARD_ROLES:
        group, _ = Group.objects.get_or_create(name=role.name)
        group.permissions.set(_permissions(role.model_permissions))
        GroupPagePermission.objects.filter(group=group).delete()
        GroupPagePermission.objects.bulk_create(
            GroupPagePermission(group=group, page=root_page, permission=permission)
            for permission in _permissions(role.page_permissions, "wagtailcore")
        )
        GroupCollectionPermission.objects.filter(group=group).delete()
        GroupCollectionPermission.objects.bulk_create(
            GroupCollectionPermission(group=group, collection=root_collection, permission=permission)
            for permission in _permissions(role.collection_permissions)
        )
        groups.append(group)
    return groups
