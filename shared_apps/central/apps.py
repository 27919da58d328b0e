from django.apps import AppConfig


class CentralConfig(AppConfig):
    name = "shared_apps.central"
    label = "central"
    verbose_name = "BHXH Việt Nam (Trung ương)"
