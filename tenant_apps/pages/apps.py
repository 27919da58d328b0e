from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "tenant_apps.pages"
    label = "pages"
    verbose_name = "Trang nội dung"
