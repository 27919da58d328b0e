"""Ban Biên tập roles (founding letter §2) as Wagtail groups with matching permissions.

Each province schema has its own groups; onboarding calls `ensure_board_groups()`, which is
idempotent and resets each group to exactly the permissions listed here.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page


@dataclass(frozen=True)
class RoleSpec:
    name: str
    page_permissions: tuple[str, ...]
    collection_permissions: tuple[str, ...]
    model_permissions: tuple[str, ...]  # "app_label.codename"
    news_only: bool = False  # page rights only on the news section (reporters draft news, nothing else)


ADMIN_ACCESS = ("wagtailadmin.access_admin",)
# Handling online-service requests; personal data only for the head and deputies (NĐ 13/2023).
SERVICE_REQUESTS = ("online_services.view_servicerequest", "online_services.change_servicerequest")
PERSONAL_DATA = ("online_services.view_personal_data", "online_services.view_personaldataaccess")
VISIT_STATISTICS = ("analytics.view_dailypageviews",)
# Answering citizens: questions, draft comments, ratings.
CITIZEN_REPLIES = (
    "qa.view_question",
    "qa.change_question",
    "consultation.view_draftcomment",
    "consultation.change_draftcomment",
    "feedback.view_pagefeedback",
)
# Site search settings: the province's own synonyms and pinned results (tenant_apps/search).
SEARCH_SETTINGS = tuple(
    f"site_search.{action}_{model}"
    for model in ("bestbet", "synonymgroup")
    for action in ("add", "change", "delete", "view")
)
MEDIA_FULL = ("add_image", "change_image", "choose_image", "add_document", "change_document", "choose_document")
MEDIA_CONTRIBUTE = ("add_image", "choose_image", "add_document", "choose_document")

HEAD_OF_BOARD = RoleSpec(
    name="Trưởng ban",
    page_permissions=("add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"),
    collection_permissions=(*MEDIA_FULL, "delete_image", "delete_document"),
    model_permissions=(
        *ADMIN_ACCESS,
        *CITIZEN_REPLIES,
        *SERVICE_REQUESTS,
        *PERSONAL_DATA,
        *VISIT_STATISTICS,
        *SEARCH_SETTINGS,
        "auth.add_user",
        "auth.change_user",
        *(
            f"editorial.{action}_{model}"
            for model in ("boardmember", "boarddecision", "operatingrules")
            for action in ("add", "change", "delete")
        ),
        "editorial.approve_royalties",
        "editorial.view_royaltycontribution",
        "editorial.add_royaltycontribution",
        "editorial.change_royaltycontribution",
    ),
)
DEPUTY_HEAD = RoleSpec(
    name="Phó ban",
    page_permissions=("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
    collection_permissions=MEDIA_FULL,
    model_permissions=(
        *ADMIN_ACCESS,
        *CITIZEN_REPLIES,
        *SERVICE_REQUESTS,
        *PERSONAL_DATA,
        *VISIT_STATISTICS,
        *SEARCH_SETTINGS,
    ),
)
EDITOR = RoleSpec(
    name="Biên tập viên",
    page_permissions=("add_page", "change_page"),
    collection_permissions=MEDIA_FULL,
    model_permissions=(*ADMIN_ACCESS, *CITIZEN_REPLIES, *SERVICE_REQUESTS),
)
REPORTER = RoleSpec(
    name="Phóng viên, Cộng tác viên",
    page_permissions=("add_page",),
    collection_permissions=MEDIA_CONTRIBUTE,
    model_permissions=ADMIN_ACCESS,
    news_only=True,
)
TECHNICAL_ADMIN = RoleSpec(
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

BOARD_ROLES: tuple[RoleSpec, ...] = (HEAD_OF_BOARD, DEPUTY_HEAD, EDITOR, REPORTER, TECHNICAL_ADMIN)
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


def ensure_board_groups(root_page: Page, news_index: Page | None = None) -> list[Group]:
    """Create (or reset) the board's groups in the current schema.

    Page rights are rooted at `root_page`, except for roles limited to news, rooted at `news_index`.
    """
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS).delete()
    root_collection = Collection.get_first_root_node()
    groups = []
    for role in BOARD_ROLES:
        group, _ = Group.objects.get_or_create(name=role.name)
        group.permissions.set(_permissions(role.model_permissions))
        GroupPagePermission.objects.filter(group=group).delete()
        GroupPagePermission.objects.bulk_create(
            GroupPagePermission(
                group=group, page=news_index if role.news_only and news_index else root_page, permission=permission
            )
            for permission in _permissions(role.page_permissions, "wagtailcore")
        )
        GroupCollectionPermission.objects.filter(group=group).delete()
        GroupCollectionPermission.objects.bulk_create(
            GroupCollectionPermission(group=group, collection=root_collection, permission=permission)
            for permission in _permissions(role.collection_permissions)
        )
        groups.append(group)
    return groups


def group_for(role_value: str) -> Group:
    """The group of a BoardRole value ("truong-ban", …) in the current schema."""
    from .models import BoardRole as RoleChoice

    return Group.objects.get(name=RoleChoice(role_value).label)
