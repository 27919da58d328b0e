from django.apps import AppConfig


class ContactConfig(AppConfig):
    name = "tenant_apps.contact"
    label = "contact"
    verbose_name = "Liên hệ"
