from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "tenant_apps.documents"
    label = "legal_documents"
    verbose_name = "Văn bản"

    def ready(self):
        from . import steps  # noqa: F401  (registers what a province backup counts: tenants/steps.py)
