from django.db import connection


def province(request):
    """The current province (or the central office) for the header and footer of every page."""
    tenant = getattr(request, "tenant", None) or getattr(connection, "tenant", None)
    if tenant is None or not hasattr(tenant, "office_name"):
        return {}
    return {"province": tenant}
