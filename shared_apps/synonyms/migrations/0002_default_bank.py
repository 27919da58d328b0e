from django.db import migrations

from shared_apps.synonyms.defaults import DEFAULT_GROUPS


def seed_default_bank(apps, schema_editor):
    group = apps.get_model("central_synonyms", "NationalSynonymGroup")
    if not group.objects.exists():
        group.objects.bulk_create(group(terms=terms) for terms in DEFAULT_GROUPS)


class Migration(migrations.Migration):
    """The national bank starts with the sector's abbreviations and citizens' words (defaults.py)."""

    dependencies = [("central_synonyms", "0001_initial")]

    operations = [migrations.RunPython(seed_default_bank, migrations.RunPython.noop)]
