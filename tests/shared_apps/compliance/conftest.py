import pytest
from django.utils import timezone

from shared_apps.compliance.checklists import checklist_in_force
from shared_apps.compliance.checks import REGISTRY, Outcome


@pytest.fixture
def check():
    """Run one item of the checklist in force, by key, on a province's site (in its schema)."""

    def run(site, key: str, **overrides) -> Outcome:
        item = next(i for i in checklist_in_force(timezone.localdate()).items if i.key == key)
        with site.context():
            return REGISTRY[item.check]({**item.params, **overrides})

    return run
