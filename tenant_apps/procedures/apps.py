from django.apps import AppConfig


class ProceduresConfig(AppConfig):
    name = "tenant_apps.procedures"
    label = "procedures"
    verbose_name = "Thủ tục hành chính"
