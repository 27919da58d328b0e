"""The documents app's steps for the kernel's hook points (tenants/steps.py): what a province archive
counts, and the legal documents that a merge moves."""

from wagtail import hooks

from tenant_apps.pages.merging import copy_sections
from tenants.steps import MERGE_PROVINCES, PROVINCE_BACKUP_CONTENTS, ProvinceMerge

from .models import DocumentIndexPage, LegalDocumentPage


@hooks.register(PROVINCE_BACKUP_CONTENTS, order=110)
def count_legal_documents() -> dict[str, int]:
    return {"legal_documents": LegalDocumentPage.objects.count()}


@hooks.register(MERGE_PROVINCES, order=110)
def move_legal_documents(merge: ProvinceMerge) -> None:
    copy_sections(merge, DocumentIndexPage, "Văn bản")
