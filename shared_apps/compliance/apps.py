from django.apps import AppConfig


class ComplianceConfig(AppConfig):
    name = "shared_apps.compliance"
    label = "compliance"
    verbose_name = "Đánh giá tuân thủ quy định"
