from django.apps import AppConfig


class CentralConfig(AppConfig):
    name = "shared_apps.central"
    label = "central"
    verbose_name = "BHXH Việt Nam (Trung ương)"

    def ready(self):
        from . import steps  # noqa: F401  (registers the central site's steps: tenants/steps.py)
