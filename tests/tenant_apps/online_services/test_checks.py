"""A deployment that would put citizens' uploads under the public media folder does not start."""

from pathlib import Path

from tenant_apps.online_services.checks import private_media_outside_media_root


def test_private_media_inside_media_root_is_a_system_check_error(settings):
    settings.PRIVATE_MEDIA_ROOT = Path(settings.MEDIA_ROOT) / "rieng"
    assert [error.id for error in private_media_outside_media_root(None)] == ["online_services.E002"]
    settings.PRIVATE_MEDIA_ROOT = settings.MEDIA_ROOT
    assert [error.id for error in private_media_outside_media_root(None)] == ["online_services.E002"]


def test_private_media_beside_media_root_passes(settings, tmp_path):
    settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT = tmp_path / "media", tmp_path / "private-media"
    assert private_media_outside_media_root(None) == []
