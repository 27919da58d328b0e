from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "tenant_apps.feedback"
    label = "feedback"
    verbose_name = "Đánh giá của người dân"
