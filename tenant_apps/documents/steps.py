"""The documents app's steps for the kernel's hook points (tenants/steps.py): what a province archive counts."""

from wagtail import hooks

from tenants.steps import PROVINCE_BACKUP_CONTENTS

from .models import LegalDocumentPage


@hooks.register(PROVINCE_BACKUP_CONTENTS, order=110)
def count_legal_documents() -> dict[str, int]:
    return {"legal_documents": LegalDocumentPage.objects.count()}
