from django.apps import AppConfig


class ProceduresConfig(AppConfig):
    name = "tenant_apps.procedures"
    label = "procedures"
    verbose_name = "Thủ tục hành chính"

    def ready(self):
        from . import steps  # noqa: F401  (registers what a merge moves: tenants/steps.py)
