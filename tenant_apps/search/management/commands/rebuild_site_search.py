"""Index every live page, answered question and office of one schema again.

manage.py tenant_command rebuild_site_search --schema=hanoi   # one province
manage.py all_tenants_command rebuild_site_search            # every schema
"""

from django.core.management.base import BaseCommand
from django.db import connection

from tenant_apps.search.indexing import rebuild_index


class Command(BaseCommand):
    help = "Rebuild the site-search index of the current schema."

    def handle(self, *args, **options):
        count = rebuild_index()
        self.stdout.write(f"{connection.schema_name}: {count} entries")
