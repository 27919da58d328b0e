"""Project configuration package (lives in platform/, which is on sys.path; see bootstrap.py)."""

from .celery_app import app as celery_app

__all__ = ["celery_app"]
