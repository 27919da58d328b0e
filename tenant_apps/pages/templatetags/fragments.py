"""`{% cached_fragment "name" part … %}…{% endcached_fragment %}`: a block of a public page kept
as HTML until the site's content changes (tenant_apps/pages/fragments.py). Only for blocks that
depend on nothing but published content and the given parts: not on the visitor, the query
string or the session."""

from django import template

from tenants.template_loaders import current_theme

from .. import fragments

register = template.Library()


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist, self.name, self.parts = nodelist, name, parts

    def render(self, context):
        parts = (current_theme(), *(part.resolve(context) for part in self.parts))
        return fragments.cached_fragment(
            context.get("request"), self.name.resolve(context), parts, lambda: self.nodelist.render(context)
        )


@register.tag
def cached_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("cached_fragment needs a fragment name")
    nodelist = parser.parse(("endcached_fragment",))
    parser.delete_first_token()
    name, *parts = (parser.compile_filter(bit) for bit in bits[1:])
    return CachedFragmentNode(nodelist, name, parts)
