"""gunicorn settings: `gunicorn -c deploy/gunicorn.conf.py config.wsgi` from the repository root.

`pythonpath` puts platform/ and the root on sys.path (platform/ is not a package; see
platform/bootstrap.py)."""

import multiprocessing
import os

pythonpath = "platform,."
# One address or several, comma-separated (the stack adds a TCP port for uncached benchmarks).
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = 30
graceful_timeout = 30
# A safety net against leaks, not a routine: a worker restart costs about a second of CPU (it
# imports Django and Wagtail again), and worker memory is flat (bench/README.md, memory).
max_requests = 20000
max_requests_jitter = 2000
# nginx's JSON access log and the app's own JSON line per request already record every request
# (with schema and request id); a third line per request only costs time. GUNICORN_ACCESS_LOG=-
# brings gunicorn's back, e.g. when gunicorn is reached without nginx.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
raw_env = ["DJANGO_SETTINGS_MODULE=config.settings.production"]


def child_exit(server, worker):
    """prometheus-client's multi-process mode: forget the files of a worker that is gone."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)


def post_worker_init(worker):
    """Move everything loaded at start-up (Django, Wagtail, every model and module) out of the
    garbage collector's reach. A full collection otherwise walks that whole heap: 130 ms pauses,
    every dozen requests or so on lists that allocate a lot (bench/README.md, documents)."""
    import gc

    gc.freeze()
