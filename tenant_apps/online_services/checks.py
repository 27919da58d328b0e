"""System checks: private uploads must never be reachable through the public media URL."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, register


@register()
def private_media_outside_media_root(app_configs, **kwargs) -> list[Error]:
    private = getattr(settings, "PRIVATE_MEDIA_ROOT", None)
    if not private:
        return [Error("PRIVATE_MEDIA_ROOT is not set.", id="online_services.E001")]
    private_root, media_root = Path(private).resolve(), Path(settings.MEDIA_ROOT).resolve()
    if private_root == media_root or media_root in private_root.parents:
        return [
            Error(
                "PRIVATE_MEDIA_ROOT is inside MEDIA_ROOT: citizens' uploads would be public.",
                hint="Point PRIVATE_MEDIA_ROOT at a folder outside MEDIA_ROOT.",
                id="online_services.E002",
            )
        ]
    return []
