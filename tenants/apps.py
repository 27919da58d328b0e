from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


def _forget_cached_tenants(sender, **kwargs):
    from tenants.middleware import forget_cached_tenants

    forget_cached_tenants()


class TenantsConfig(AppConfig):
    name = "tenants"
    verbose_name = "Tỉnh, thành phố"

    def ready(self):
        # A province suspended, renamed or given a new domain is seen at once in this process.
        for model_name in ("Province", "Domain"):
            model = self.get_model(model_name)
            post_save.connect(_forget_cached_tenants, sender=model, dispatch_uid=f"forget-tenants-{model_name}")
            post_delete.connect(_forget_cached_tenants, sender=model, dispatch_uid=f"forget-tenants-{model_name}-del")
        # Wagtail's Site (host -> root page) is remembered beside the tenant.
        from wagtail.models import Site

        post_save.connect(_forget_cached_tenants, sender=Site, dispatch_uid="forget-tenants-Site")
        post_delete.connect(_forget_cached_tenants, sender=Site, dispatch_uid="forget-tenants-Site-del")
