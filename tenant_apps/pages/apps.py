from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "tenant_apps.pages"
    label = "pages"
    verbose_name = "Trang nội dung"

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from .caching import purge_page_and_its_lists

        page_published.connect(purge_page_and_its_lists, dispatch_uid="purge-page-and-its-lists")
        page_unpublished.connect(purge_page_and_its_lists, dispatch_uid="purge-page-and-its-lists")
