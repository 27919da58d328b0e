"""The editorial app's steps for the kernel's hook points (tenants/steps.py): the board's groups and
its publishing workflow, when a province is onboarded (after the home app made the sections), and
the board's accounts, when a province is merged into another."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail import hooks

from tenants.steps import MERGE_PROVINCES, ONBOARD_PROVINCE, Onboarding, ProvinceMerge

from .roles import ensure_board_groups
from .workflow import ensure_publishing_workflow


@hooks.register(ONBOARD_PROVINCE, order=200)
def create_board_groups(onboarding: Onboarding) -> None:
    ensure_board_groups(onboarding.root_page, news_index=onboarding.child_page("tin-tuc"))
    onboarding.report(
        "Nhóm Ban Biên tập: Trưởng ban, Phó ban, Biên tập viên, Phóng viên/Cộng tác viên, Quản trị kỹ thuật"
    )


@hooks.register(ONBOARD_PROVINCE, order=210)
def create_publishing_workflow(onboarding: Onboarding) -> None:
    ensure_publishing_workflow(onboarding.child_page("tin-tuc"), onboarding.child_page("van-ban"))
    onboarding.report("Quy trình duyệt: Biên tập viên duyệt → Trưởng ban phê duyệt (tin tức, văn bản)")


@hooks.register(MERGE_PROVINCES, order=200)
def move_board_accounts(merge: ProvinceMerge) -> None:
    """The absorbed board's accounts, inactive, in the same board groups, for the receiving board to
    enable (Tài khoản → Kích hoạt). Passwords come over; second factors and superuser rights do not.
    A username taken in the receiving province gets the absorbed province's slug as a suffix."""
    User = get_user_model()
    with merge.in_source():
        accounts = [
            (user.pk, user, [group.name for group in user.groups.all()])
            for user in User.objects.prefetch_related("groups")
        ]
    moved = []
    for pk, user, group_names in accounts:
        if merge.moved("user", pk):
            continue
        username = user.username
        if User.objects.filter(username=username).exists():
            username = f"{username}.{merge.source.slug}"
        copy = User.objects.create(
            username=username,
            password=user.password,
            email=user.email,
            first_name=user.first_name,
            last_name=user.last_name,
            is_active=False,
            is_staff=user.is_staff,
            date_joined=user.date_joined,
        )
        copy.groups.set(Group.objects.filter(name__in=group_names))
        merge.remember("user", pk, copy.pk)
        moved.append(username)
    merge.report(f"Tài khoản Ban Biên tập (chưa kích hoạt): {', '.join(moved) or 'không có'}")
