"""Wagtail's root page is called "Root" by its own migration; the admin's explorer shows that title.

Every schema (each province's, the onboarding template, the central public one) runs this
migration, so existing sites and the ones onboarded later (cloned from the template) all say "Gốc".
A root an administrator renamed is left as it is.
"""

from django.db import migrations

WAGTAIL_TITLE, VIETNAMESE_TITLE = "Root", "Gốc"


def rename_root(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title=WAGTAIL_TITLE).update(title=VIETNAMESE_TITLE, draft_title=VIETNAMESE_TITLE)


def restore_root(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title=VIETNAMESE_TITLE).update(title=WAGTAIL_TITLE, draft_title=WAGTAIL_TITLE)


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0002_sitemappage"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(rename_root, restore_root)]
