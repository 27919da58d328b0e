from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "tenant_apps.home"
    label = "home"
    verbose_name = "Trang chủ"
