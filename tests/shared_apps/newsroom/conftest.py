"""Fixtures of the newsroom tests: the central national sections (the worker is in tests/conftest.py)."""

from types import SimpleNamespace

import pytest

from shared_apps.newsroom.services.sections import ensure_newsroom_sections


@pytest.fixture
def newsroom(db) -> SimpleNamespace:
    """The central site's "Tin toàn ngành" and "Văn bản toàn ngành" sections."""
    news, documents = ensure_newsroom_sections()
    return SimpleNamespace(news=news, documents=documents)
