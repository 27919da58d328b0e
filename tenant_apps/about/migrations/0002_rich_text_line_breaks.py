"""Introduction pages made before the demo wrote `<br/>` have `<br>` in their rich text, which
Wagtail's editor cannot convert (its HTML-to-Draftail converter waits for the end tag that a bare
`<br>` never sends): the edit view answered 500. Write every line break as `<br/>`, in the pages
and in their revisions (the editor opens the latest revision).
"""

import re

from django.db import migrations

RICH_TEXT_FIELDS = ("functions", "history", "contacts")
BARE_LINE_BREAK = re.compile(r"<br\s*>", re.IGNORECASE)


def _closed(html):
    return BARE_LINE_BREAK.sub("<br/>", html) if isinstance(html, str) else html


def close_line_breaks(apps, schema_editor):
    IntroductionPage = apps.get_model("about", "IntroductionPage")
    for page in IntroductionPage.objects.only(*RICH_TEXT_FIELDS):
        values = {name: _closed(getattr(page, name)) for name in RICH_TEXT_FIELDS}
        if any(values[name] != getattr(page, name) for name in RICH_TEXT_FIELDS):
            IntroductionPage.objects.filter(pk=page.pk).update(**values)

    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.filter(app_label="about", model="introductionpage").first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type).only("content"):
        content = {key: _closed(value) if key in RICH_TEXT_FIELDS else value for key, value in revision.content.items()}
        if content != revision.content:
            Revision.objects.filter(pk=revision.pk).update(content=content)


class Migration(migrations.Migration):
    dependencies = [
        ("about", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(close_line_breaks, migrations.RunPython.noop)]
