"""Wagtail's document form (every admin, central and provinces), with the file checked by content."""

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm

from tenant_apps.online_services.uploads import OFFICE_DOCUMENTS, check_upload


class CheckedDocumentForm(BaseDocumentForm):
    """Set as WAGTAILDOCS_DOCUMENT_FORM_BASE, so single, multiple and chooser uploads all use it."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            check_upload(upload, OFFICE_DOCUMENTS, max_bytes=settings.WAGTAILDOCS_MAX_UPLOAD_SIZE)
        return upload
