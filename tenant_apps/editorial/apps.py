from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "tenant_apps.editorial"
    label = "editorial"
    verbose_name = "Ban Biên tập"

    def ready(self):
        from . import steps  # noqa: F401  (registers its onboarding steps: tenants/steps.py)
