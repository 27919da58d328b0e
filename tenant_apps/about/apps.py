from django.apps import AppConfig


class AboutConfig(AppConfig):
    name = "tenant_apps.about"
    label = "about"
    verbose_name = "Giới thiệu"
