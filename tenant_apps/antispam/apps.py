from django.apps import AppConfig


class AntispamConfig(AppConfig):
    name = "tenant_apps.antispam"
    label = "antispam"
    verbose_name = "Chống thư rác"
