from django.apps import AppConfig


class ConsultationConfig(AppConfig):
    name = "tenant_apps.consultation"
    label = "consultation"
    verbose_name = "Lấy ý kiến dự thảo"
