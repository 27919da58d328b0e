"""The procedures app's steps for the kernel's hook points (tenants/steps.py): the procedures that a
merge moves (after the legal documents, which they cite)."""

from wagtail import hooks

from tenant_apps.pages.merging import copy_sections
from tenants.steps import MERGE_PROVINCES, ProvinceMerge

from .models import ProcedureIndexPage


@hooks.register(MERGE_PROVINCES, order=130)
def move_procedures(merge: ProvinceMerge) -> None:
    copy_sections(merge, ProcedureIndexPage, "Thủ tục hành chính")
