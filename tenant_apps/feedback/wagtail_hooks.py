from django.urls import path, reverse
from wagtail import hooks

from tenant_apps.editorial.wagtail_hooks import ProvinceMenuItem
from tenants.schemas import province_schema_only

from .views import feedback_summary


class FeedbackMenuItem(ProvinceMenuItem):
    def is_shown(self, request):
        return super().is_shown(request) and request.user.has_perm("feedback.view_pagefeedback")


@hooks.register("register_admin_urls")
def register_feedback_url():
    return [path("danh-gia/", province_schema_only(feedback_summary), name="feedback_summary")]


@hooks.register("register_reports_menu_item")
def register_feedback_menu_item():
    return FeedbackMenuItem("Đánh giá của người dân", reverse("feedback_summary"), icon_name="pick", order=900)
