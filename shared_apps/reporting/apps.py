from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "shared_apps.reporting"
    label = "reporting"
    verbose_name = "Báo cáo về Trung ương"
