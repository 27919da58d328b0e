from django.apps import AppConfig


class NewsroomPagesConfig(AppConfig):
    """The central newsroom's page types; installed in both schemas like every page-type app (PAGE_APPS)."""

    name = "shared_apps.newsroom.pages"
    label = "newsroom_pages"
    verbose_name = "Tin, văn bản toàn ngành"
