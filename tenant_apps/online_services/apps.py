from django.apps import AppConfig


class OnlineServicesConfig(AppConfig):
    name = "tenant_apps.online_services"
    label = "online_services"
    verbose_name = "Dịch vụ công trực tuyến"

    def ready(self) -> None:
        from . import checks, steps  # noqa: F401  (system checks; what a merge moves: tenants/steps.py)
