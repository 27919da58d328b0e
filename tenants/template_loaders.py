"""Templates resolve per province: its theme folder first, then themes/default."""

from django.conf import settings
from django.db import connection
from django.template.loaders.filesystem import Loader as FilesystemLoader

DEFAULT_THEME = "default"


class ThemeLoader(FilesystemLoader):
    def get_dirs(self):
        theme = getattr(getattr(connection, "tenant", None), "theme", None) or DEFAULT_THEME
        dirs = [settings.THEMES_DIR / theme / "templates"]
        if theme != DEFAULT_THEME:
            dirs.append(settings.THEMES_DIR / DEFAULT_THEME / "templates")
        return dirs
