from django.apps import AppConfig


class QaConfig(AppConfig):
    name = "tenant_apps.qa"
    label = "qa"
    verbose_name = "Hỏi đáp"

    def ready(self):
        from . import steps  # noqa: F401  (registers what a merge moves: tenants/steps.py)
