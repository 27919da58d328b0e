from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "tenant_apps.editorial"
    label = "editorial"
    verbose_name = "Ban Biên tập"
