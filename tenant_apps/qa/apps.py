from django.apps import AppConfig


class QaConfig(AppConfig):
    name = "tenant_apps.qa"
    label = "qa"
    verbose_name = "Hỏi đáp"
