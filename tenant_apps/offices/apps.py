from django.apps import AppConfig


class OfficesConfig(AppConfig):
    name = "tenant_apps.offices"
    label = "offices"
    verbose_name = "Hệ thống cơ quan"
