from django.apps import AppConfig


class OfficesConfig(AppConfig):
    name = "tenant_apps.offices"
    label = "offices"
    verbose_name = "Hệ thống cơ quan"

    def ready(self) -> None:
        from . import steps  # noqa: F401  (registers what a merge moves: tenants/steps.py)
