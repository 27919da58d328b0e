"""WSGI entry point; gunicorn runs it with `--pythonpath platform`."""

import bootstrap

bootstrap.configure()

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
