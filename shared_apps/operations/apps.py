from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Operations: health, logs, metrics and planned maintenance; its table lives in the public schema only."""

    name = "shared_apps.operations"
    label = "operations"
    verbose_name = "Vận hành"

    def ready(self):
        from . import signals  # noqa: F401
