from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo data for `make run` (manage.py setup_demo): a leaf, that no other module imports."""

    name = "tenant_apps.demo"
    label = "demo"
    verbose_name = "Dữ liệu mẫu"

    def ready(self):
        from . import steps  # noqa: F401  (registers the demo content steps: tenants/steps.py)
