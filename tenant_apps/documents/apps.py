from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "tenant_apps.documents"
    label = "legal_documents"
    verbose_name = "Văn bản"
