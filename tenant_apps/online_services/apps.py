from django.apps import AppConfig


class OnlineServicesConfig(AppConfig):
    name = "tenant_apps.online_services"
    label = "online_services"
    verbose_name = "Dịch vụ công trực tuyến"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the system checks)
