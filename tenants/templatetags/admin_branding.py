from django import template

from tenants.branding import Branding, admin_branding

register = template.Library()


@register.simple_tag(name="admin_branding")
def admin_branding_tag() -> Branding:
    """`{% admin_branding as branding %}`: the current schema's office name and logo."""
    return admin_branding()
