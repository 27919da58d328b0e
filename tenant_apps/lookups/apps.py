from django.apps import AppConfig


class LookupsConfig(AppConfig):
    name = "tenant_apps.lookups"
    label = "lookups"
    verbose_name = "Tra cứu"
