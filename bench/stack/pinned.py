"""The middleware of settings_pinned: one province for every request, chosen by BENCH_PINNED_SCHEMA."""

import os

from django.db import connection

from tenants.models import Province


class PinnedProvinceMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.province = None

    def __call__(self, request):
        if self.province is None:
            connection.set_schema_to_public()
            self.province = Province.objects.get(schema_name=os.environ["BENCH_PINNED_SCHEMA"])
        if connection.schema_name != self.province.schema_name:
            connection.set_tenant(self.province)
        request.tenant = self.province
        return self.get_response(request)
