from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "tenant_apps.pages"
    label = "pages"
    verbose_name = "Trang nội dung"

    def ready(self):
        from django.db import models
        from django.db.models.signals import post_delete, post_save, pre_save
        from wagtail.admin.forms.models import register_form_field_override
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from tenants.models import Province

        from . import fragments, slugs, steps  # noqa: F401  (steps: restores and merges, tenants/steps.py)
        from .caching import purge_page_and_its_lists

        pre_save.connect(slugs.ascii_page_slug, dispatch_uid="ascii-page-slug")
        register_form_field_override(
            models.SlugField, override={"widget": slugs.VietnameseSlugInput, "form_class": slugs.VietnameseSlugField}
        )
        page_published.connect(purge_page_and_its_lists, dispatch_uid="purge-page-and-its-lists")
        page_unpublished.connect(purge_page_and_its_lists, dispatch_uid="purge-page-and-its-lists")
        post_save.connect(fragments.forget_fragments_on_change, dispatch_uid="forget-fragments-on-save")
        post_delete.connect(fragments.forget_fragments_on_change, dispatch_uid="forget-fragments-on-delete")
        post_page_move.connect(fragments.forget_fragments_on_move, dispatch_uid="forget-fragments-on-move")
        post_save.connect(
            fragments.forget_province_fragments, sender=Province, dispatch_uid="forget-province-fragments"
        )
