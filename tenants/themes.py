"""The themes installed under themes/ (each a folder with templates/ and a theme.json label)."""

import json

from django.conf import settings


def available_themes() -> dict[str, str]:
    """Theme folder name -> label shown to the board."""
    themes = {}
    for folder in sorted(settings.THEMES_DIR.iterdir()):
        if (folder / "templates").is_dir():
            meta = folder / "theme.json"
            label = json.loads(meta.read_text(encoding="utf-8"))["label"] if meta.exists() else folder.name
            themes[folder.name] = label
    return themes
