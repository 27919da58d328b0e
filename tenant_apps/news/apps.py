from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "tenant_apps.news"
    label = "news"
    verbose_name = "Tin tức"
