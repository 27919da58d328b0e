import pytest

from tests.factories.old_portal import OldPortal


@pytest.fixture
def old_portal():
    """A small old portal served on 127.0.0.1; yields (portal, base URL)."""
    portal = OldPortal(news=12, documents=4, questions=4)
    with portal.serve() as base_url:
        yield portal, base_url
