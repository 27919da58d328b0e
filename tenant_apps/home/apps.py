from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "tenant_apps.home"
    label = "home"
    verbose_name = "Trang chủ"

    def ready(self):
        from . import steps  # noqa: F401  (registers its onboarding steps: tenants/steps.py)
