from django.apps import AppConfig


class PortalImportConfig(AppConfig):
    """Import of an old portal into a province: its URL → page map, crawl queue and section mapping."""

    name = "tenant_apps.portal_import"
    label = "portal_import"
    verbose_name = "Chuyển dữ liệu cổng cũ"
