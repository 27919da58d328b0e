"""The pages app's steps for the kernel's hook points (tenants/steps.py).

- A province restored in place: its content version is bumped, so no fragment cached from the site it
  replaced (a link to an article the archive does not have) is shown again.
"""

from wagtail import hooks

from tenants.models import Province
from tenants.steps import PROVINCE_RESTORED

from . import fragments


@hooks.register(PROVINCE_RESTORED, order=100)
def forget_fragments_of_the_replaced_site(province: Province) -> None:
    fragments.content_changed(province.schema_name)
