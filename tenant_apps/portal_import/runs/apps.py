from django.apps import AppConfig


class PortalImportRunsConfig(AppConfig):
    """Import runs, in the public schema, so the centre watches every province's and each province its own."""

    name = "tenant_apps.portal_import.runs"
    label = "portal_import_runs"
    verbose_name = "Lượt chuyển dữ liệu cổng cũ"
