from django.urls import path, reverse
from wagtail import hooks

from tenants.schemas import PROVINCE
from tenants.viewsets import ScopedMenuItem, scoped_urlpatterns

from .views import feedback_summary


@hooks.register("register_admin_urls")
def register_feedback_url():
    return scoped_urlpatterns(PROVINCE, [path("danh-gia/", feedback_summary, name="feedback_summary")])


@hooks.register("register_reports_menu_item")
def register_feedback_menu_item():
    return ScopedMenuItem(
        "Đánh giá của người dân",
        reverse("feedback_summary"),
        scope=PROVINCE,
        permission="feedback.view_pagefeedback",
        icon_name="pick",
        order=900,
    )
