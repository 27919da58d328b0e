"""The editorial app's steps for the kernel's hook points (tenants/steps.py): the board's groups and
its publishing workflow, when a province is onboarded (after the home app made the sections)."""

from wagtail import hooks

from tenants.steps import ONBOARD_PROVINCE, Onboarding

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
