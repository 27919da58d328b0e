"""Benchmarks against `make stack` (issue: production stack). Results: bench/README.md.

    python bench/stack/run.py pages      cached home page vs the same bytes as a static file;
                                         the same page uncached (gunicorn directly), SQL per page
    python bench/stack/run.py tax        tenancy tax: django-tenants' middleware, ours, none
    python bench/stack/run.py stock      a stock `wagtail start` home page on the same stack
    python bench/stack/run.py documents  listing filters and search, 10,000 documents + 5,000 news
    python bench/stack/run.py scale N    N provinces: onboarding, migrate_schemas, worker memory
    python bench/stack/run.py memory     worker memory after serving 1, 63 and 200 provinces
    python bench/stack/run.py all        pages, tax, stock, documents, scale 63, scale 200

Load comes from wrk on loopback only, each run bounded by a duration (BENCH_SECONDS, default 10).
Every result is also written to bench/results/<name>.json.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "platform"), str(ROOT / "deploy")]

import stack  # noqa: E402  (deploy/stack.py: addresses and environment of the stack)

ENV = stack.stack_environment()
os.environ.update(ENV)

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django_tenants.utils import tenant_context  # noqa: E402

from bench.syndication import bench_provinces, create_provinces, ensure_seed  # noqa: E402
from tenants.models import Province  # noqa: E402
from tenants.registry import load_registry  # noqa: E402

RESULTS = ROOT / "bench" / "results"
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
NGINX = f"http://127.0.0.1:{stack.HTTP_PORT}"
GUNICORN = f"http://127.0.0.1:{stack.GUNICORN_PORT}"
WORKERS = int(ENV["GUNICORN_WORKERS"])
HOST = "hanoi.localhost"

WRK_REPORT = """
paths = {%(paths)s}
local i = 0
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format('RESULT {"rps": %%.1f, "p50_ms": %%.2f, "p95_ms": %%.2f, "p99_ms": %%.2f, '
    .. '"errors": %%d, "requests": %%d}\\n',
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, errors, summary.requests))
end
"""


def say(line: str) -> None:
    print(f"[bench] {line}", flush=True)


def save(name: str, result: dict) -> dict:
    RESULTS.mkdir(exist_ok=True)
    result = {"measured_at": time.strftime("%Y-%m-%d %H:%M:%S"), "cpus": os.cpu_count(), **result}
    (RESULTS / f"{name}.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    say(f"{name}: {json.dumps(result, ensure_ascii=False)}")
    return result


def wrk(base: str, paths: list[str], host: str = HOST, seconds: int = SECONDS, connections: int = CONNECTIONS) -> dict:
    """One bounded wrk run on loopback; requests rotate over `paths`."""
    assert base.startswith("http://127.0.0.1:"), "benchmarks target loopback only"
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_REPORT % {"paths": ", ".join(json.dumps(path) for path in paths)})
    command = ["wrk", "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "-s", script.name, "-H", f"Host: {host}"]
    output = subprocess.run([*command, base], capture_output=True, text=True, check=True).stdout
    os.unlink(script.name)
    return json.loads(re.search(r"RESULT (\{.*\})", output).group(1))


def fetch(url: str, host: str = HOST) -> bytes:
    request = urllib.request.Request(url, headers={"Host": host})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read()


def queries_per_page(path: str, host: str = HOST) -> int:
    browser = Client(HTTP_HOST=host)
    browser.get(path)
    with CaptureQueriesContext(connection) as queries:
        assert browser.get(path).status_code == 200
    return len(queries)


# --- 1 and 2: the home page cached, as a static file, uncached ----------------------------


def pages() -> dict:
    body = fetch(f"{NGINX}/")
    static_copy = Path(ENV["STATIC_ROOT"]) / "bench-home.html"
    static_copy.write_bytes(body)
    fetch(f"{NGINX}/static/bench-home.html")
    cached = wrk(NGINX, ["/"])
    static = wrk(NGINX, ["/static/bench-home.html"])
    uncached = wrk(GUNICORN, ["/"])
    static_copy.unlink()
    return save(
        "pages",
        {
            "page_bytes": len(body),
            "cached": cached,
            "static_file": static,
            "cached_over_static": round(cached["rps"] / static["rps"], 3),
            "uncached": uncached,
            "uncached_rps_per_worker": round(uncached["rps"] / WORKERS, 1),
            "gunicorn_workers": WORKERS,
            "sql_queries_per_page": queries_per_page("/"),
        },
    )


# --- 2b: the tenancy tax ------------------------------------------------------------------


def _gunicorn(settings_module: str, port: int, extra_env: dict | None = None) -> subprocess.Popen:
    env = {**ENV, "DJANGO_SETTINGS_MODULE": settings_module, "GUNICORN_BIND": f"127.0.0.1:{port}", **(extra_env or {})}
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)  # a side server; its metrics do not matter
    process = subprocess.Popen(
        [str(stack.VENV_BIN / "gunicorn"), "-c", str(ROOT / "deploy" / "gunicorn.conf.py"), "config.wsgi"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            fetch(f"http://127.0.0.1:{port}/")
            return process
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                raise SystemExit(f"[bench] gunicorn with {settings_module} did not start") from None
            time.sleep(0.5)


def _stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


TAX_PATHS = {"home": "/", "help_page": "/tro-giup/"}  # the richest page and a plain one


def tax() -> dict:
    """The same province pages: no tenancy (pinned), our middleware, django-tenants' own.

    The main stack's gunicorn is paused meanwhile so that each variant has the machine to itself;
    rounds are interleaved so that drift on the machine hits every variant alike.
    """
    gunicorn_pid = int((stack.STACK / "run" / "gunicorn.pid").read_text())
    pinned_schema = Province.objects.get(domains__domain=HOST).schema_name
    variants = {
        "pinned_no_tenancy": ("bench.stack.settings_pinned", 8021, {"BENCH_PINNED_SCHEMA": pinned_schema}),
        "cached_tenant_middleware": ("config.settings.production", 8022, None),
        "django_tenants_middleware": ("bench.stack.settings_stock_tenants", 8023, None),
    }
    runs = {page: {name: [] for name in variants} for page in TAX_PATHS}
    os.killpg(gunicorn_pid, signal.SIGSTOP)
    try:
        for _ in range(int(os.environ.get("BENCH_TAX_ROUNDS", "3"))):
            for name, (settings_module, port, extra) in variants.items():
                server = _gunicorn(settings_module, port, extra)
                try:
                    for page, path in TAX_PATHS.items():
                        wrk(f"http://127.0.0.1:{port}", [path], seconds=2)  # warm every worker
                        runs[page][name].append(wrk(f"http://127.0.0.1:{port}", [path])["rps"])
                finally:
                    _stop(server)
    finally:
        os.killpg(gunicorn_pid, signal.SIGCONT)
    result = {"rps_runs": runs}
    for page, by_variant in runs.items():
        medians = {name: statistics.median(values) for name, values in by_variant.items()}
        baseline = medians["pinned_no_tenancy"]
        result[page] = {
            "rps_median": medians,
            "tax_cached_tenant_middleware": round(1 - medians["cached_tenant_middleware"] / baseline, 3),
            "tax_django_tenants_middleware": round(1 - medians["django_tenants_middleware"] / baseline, 3),
        }
    return save("tax", result)


# --- 2c: a stock `wagtail start` project on the same stack --------------------------------


def stock() -> dict:
    project = stack.STACK / "stock-wagtail"
    python = str(stack.VENV_BIN / "python")
    psql = [str(stack.PG_BIN / "psql"), "-h", "127.0.0.1", "-p", str(stack.PG_PORT), "-U", "bhxh", "-d", "bhxh", "-tAc"]
    pg_env = {**os.environ, "PGPASSWORD": "bhxh"}
    if not (project / "manage.py").exists():
        project.mkdir(parents=True, exist_ok=True)
        subprocess.run([str(stack.VENV_BIN / "wagtail"), "start", "stockwagtail", str(project)], check=True)
        exists = subprocess.run([*psql, "SELECT 1 FROM pg_database WHERE datname='stockwagtail'"], env=pg_env,
                                capture_output=True, text=True).stdout.strip()  # fmt: skip
        if exists != "1":
            subprocess.run([*psql, "CREATE DATABASE stockwagtail"], env=pg_env, check=True)
        with open(project / "stockwagtail" / "settings" / "production.py", "a") as settings_file:
            settings_file.write(
                "\nimport os\nSECRET_KEY = 'stock-wagtail-benchmark-only'\nALLOWED_HOSTS = ['*']\n"
                "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': 'stockwagtail',"
                f" 'USER': 'bhxh', 'PASSWORD': 'bhxh', 'HOST': '127.0.0.1', 'PORT': {stack.PG_PORT},"
                " 'CONN_MAX_AGE': 600}}\n"
            )
    env = {**{k: v for k, v in ENV.items() if not k.startswith(("DJANGO_", "PYTHONPATH", "PROMETHEUS"))}}
    env["DJANGO_SETTINGS_MODULE"] = "stockwagtail.settings.production"
    subprocess.run([python, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=project, env=env, check=True)
    subprocess.run([python, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=project, env=env, check=True)
    port = 8024
    server = subprocess.Popen(
        [str(stack.VENV_BIN / "gunicorn"), "-w", str(WORKERS), "-b", f"127.0.0.1:{port}", "stockwagtail.wsgi"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    gunicorn_pid = int((stack.STACK / "run" / "gunicorn.pid").read_text())
    stock_base, runs = f"http://127.0.0.1:{port}", {"stock_wagtail_home": [], "province_home_uncached": []}
    try:
        time.sleep(3)
        fetch(f"{stock_base}/", host="localhost")
        # Rounds interleaved, each server paused while the other runs: the shared host's speed
        # drifts by ±20 % from minute to minute, and drift must hit both alike.
        for _ in range(int(os.environ.get("BENCH_STOCK_ROUNDS", "3"))):
            os.killpg(gunicorn_pid, signal.SIGSTOP)
            wrk(stock_base, ["/"], host="localhost", seconds=2)
            runs["stock_wagtail_home"].append(wrk(stock_base, ["/"], host="localhost"))
            os.killpg(gunicorn_pid, signal.SIGCONT)
            os.killpg(server.pid, signal.SIGSTOP)
            wrk(GUNICORN, ["/"], seconds=2)
            runs["province_home_uncached"].append(wrk(GUNICORN, ["/"]))
            os.killpg(server.pid, signal.SIGCONT)
    finally:
        os.killpg(gunicorn_pid, signal.SIGCONT)
        os.killpg(server.pid, signal.SIGCONT)
        _stop(server)
    medians = {name: statistics.median(run["rps"] for run in values) for name, values in runs.items()}
    return save(
        "stock",
        {
            "runs": runs,
            "rps_median": medians,
            "province_over_stock": round(medians["province_home_uncached"] / medians["stock_wagtail_home"], 3),
            "gunicorn_workers": WORKERS,
        },
    )


# --- 3: a large province: listing filters and search --------------------------------------

BIG_CODE, BIG_HOST = "96", "camau.localhost"
LATENCY_CONNECTIONS = os.cpu_count() or 2
DOCUMENT_COUNT, NEWS_COUNT = 10_000, 5_000


def _big_province() -> Province:
    from tenants.services import onboard_province

    province = Province.objects.filter(code=BIG_CODE).first()
    if province is None:
        province = onboard_province(BIG_CODE, domains=[BIG_HOST]).province
    return province


def _fill_big_province(province: Province) -> None:
    """10,000 legal documents and 5,000 news articles (kept between runs; only the missing are added)."""
    import datetime
    import random

    from tenant_apps.documents.models import DocumentField, DocumentIndexPage, DocumentType, LegalDocumentPage
    from tenant_apps.news.models import NewsCategory, NewsIndexPage, NewsPage

    words = ("bảo hiểm xã hội", "bảo hiểm y tế", "thất nghiệp", "lương hưu", "thai sản", "ốm đau", "hộ gia đình",
             "học sinh", "doanh nghiệp", "truy thu", "chậm đóng", "tai nạn lao động", "tử tuất", "một lần")  # fmt: skip
    rng = random.Random(2096)
    with tenant_context(province):
        documents = DocumentIndexPage.objects.get()
        have = LegalDocumentPage.objects.count()
        say(f"documents: {have} present, adding {max(0, DOCUMENT_COUNT - have)}")
        types, fields = list(DocumentType), list(DocumentField)
        for number in range(have, DOCUMENT_COUNT):
            topic = " ".join(rng.sample(words, 3))
            signed = datetime.date(2010, 1, 1) + datetime.timedelta(days=rng.randrange(6000))
            documents.add_child(
                instance=LegalDocumentPage(
                    title=f"Quy định về {topic} số {number}",
                    slug=f"van-ban-{number}",
                    number=f"{number}/{signed.year}/QĐ-BHXH",
                    doc_type=rng.choice(types),
                    issuer="Bảo hiểm xã hội Việt Nam",
                    signed_date=signed,
                    effective_date=signed + datetime.timedelta(days=45),
                    field=rng.choice(fields),
                    summary=f"Hướng dẫn thực hiện {topic}.",
                )
            )
            if number % 1000 == 999:
                say(f"  {number + 1} documents")
        news = NewsIndexPage.objects.get()
        category, _ = NewsCategory.objects.get_or_create(slug="tin-dia-phuong", defaults={"name": "Tin địa phương"})
        have = NewsPage.objects.count()
        say(f"news: {have} present, adding {max(0, NEWS_COUNT - have)}")
        for number in range(have, NEWS_COUNT):
            topic = " ".join(rng.sample(words, 3))
            news.add_child(
                instance=NewsPage(
                    title=f"Tuyên truyền {topic} đợt {number}",
                    slug=f"tin-{number}",
                    category=category,
                    summary=f"Tin về {topic}.",
                    body=f"<p>Nội dung về {topic}.</p>",
                    author="Ban Biên tập",
                    source="Ban Biên tập",
                )
            )
            if number % 1000 == 999:
                say(f"  {number + 1} news")


def documents() -> dict:
    province = _big_province()
    _fill_big_province(province)
    with tenant_context(province):
        from tenant_apps.documents.models import DocumentIndexPage

        listing = DocumentIndexPage.objects.get().url
    listing_paths = [
        listing,
        f"{listing}?doc_type=quyet-dinh",
        f"{listing}?field=bhxh&sort=cu-nhat",
        f"{listing}?q=bao+hiem+y+te",
        f"{listing}?q=thất+nghiệp&trang=3",
        f"{listing}?year=2015&field=bhyt&sort=so-hieu",
    ]
    search_paths = ["/tim-kiem/?q=luong+huu", "/tim-kiem/?q=bảo+hiểm+y+tế", "/tim-kiem/?q=thai+san+ho+gia+dinh"]
    # On the wire, as a browser sends them.
    listing_paths = [quote(path, safe="/?&=+") for path in listing_paths]
    search_paths = [quote(path, safe="/?&=+") for path in search_paths]
    for path in listing_paths + search_paths:
        fetch(f"{GUNICORN}{path}", host=BIG_HOST)
    return save(
        "documents",
        {
            "documents": DOCUMENT_COUNT,
            "news": NEWS_COUNT,
            "listing_paths": listing_paths,
            # One connection per core: latency of a request, not of a queue in front of the workers.
            "connections": LATENCY_CONNECTIONS,
            "listing_uncached": wrk(GUNICORN, listing_paths, host=BIG_HOST, connections=LATENCY_CONNECTIONS),
            "search_paths": search_paths,
            "search_uncached": wrk(GUNICORN, search_paths, host=BIG_HOST, connections=LATENCY_CONNECTIONS),
            "sql_queries_listing": queries_per_page(listing_paths[2], host=BIG_HOST),
            "sql_queries_search": queries_per_page(search_paths[1], host=BIG_HOST),
        },
    )


# --- 4 and 5: many provinces: onboarding, migrate_schemas, worker memory -------------------


def _onboarding_seconds(runs: int = 5) -> list[float]:
    """Onboard one more province, rolled back each time (as bench/onboarding.py)."""
    from django.db import transaction

    from tenants.services import onboard_province

    class Rollback(Exception):
        pass

    onboarded = set(Province.objects.values_list("code", flat=True))
    code = next(unit.code for unit in load_registry().values() if unit.code not in onboarded)
    timings = []
    for _ in range(runs):
        # A fresh connection, as a worker's task gets: this process's own has walked every cloned
        # schema and carries their catalogue entries, which slows it down for reasons of its own.
        connection.close()
        started = time.perf_counter()
        try:
            with transaction.atomic():
                onboard_province(code, schema_name="bench_onboarding", domains=["bench-onboarding.localhost"])
                timings.append(time.perf_counter() - started)
                raise Rollback
        except Rollback:
            pass
    return timings


def _worker_memory_mb() -> list[float]:
    master = int((stack.STACK / "run" / "gunicorn.pid").read_text())
    children = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True).stdout.split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024)
    return sorted(sizes)


def scale(count: int) -> dict:
    """`count` bench provinces (cloned from one seed, as bench/syndication.py, and kept)."""
    ensure_seed()
    provinces = create_provinces(count, bench_provinces()[:count]) if count else []
    onboarding = _onboarding_seconds()
    manage = [str(stack.VENV_BIN / "python"), str(ROOT / "manage.py"), "migrate_schemas", "--tenant", "--noinput"]
    timings = {}
    for executor in ("standard", "multiprocessing"):
        started = time.perf_counter()
        subprocess.run([*manage, "--executor", executor, "-v", "0"], env=ENV, cwd=ROOT, check=True)
        timings[executor] = round(time.perf_counter() - started, 1)
    hosts = [f"{province.slug}.localhost" for province in provinces]
    before = _worker_memory_mb()
    for _ in range(3):  # every worker sees most provinces
        for host in hosts:
            fetch(f"{GUNICORN}/", host=host)
    after = _worker_memory_mb()
    return save(
        f"scale-{count}",
        {
            "provinces": len(provinces),
            "onboarding_one_more_seconds": {
                "runs": [round(seconds, 2) for seconds in onboarding],
                "median": round(statistics.median(onboarding), 2),
            },
            "migrate_schemas_seconds": timings,
            "worker_rss_mb_before": [round(size, 1) for size in before],
            "worker_rss_mb_after_serving_every_province": [round(size, 1) for size in after],
        },
    )


def memory() -> dict:
    """Worker memory after serving 63 provinces, then after serving 200 (fresh workers, one run)."""
    gunicorn_pid = int((stack.STACK / "run" / "gunicorn.pid").read_text())
    os.kill(gunicorn_pid, signal.SIGHUP)  # new workers
    time.sleep(8)
    hosts = [f"{province.slug}.localhost" for province in bench_provinces()]
    result = {"after_start": _worker_memory_mb()}
    for count in (1, 63, 200):
        for _ in range(3):  # every worker sees most provinces
            for host in hosts[:count]:
                fetch(f"{GUNICORN}/", host=host)
        result[f"after_serving_{count}"] = _worker_memory_mb()
    return save("memory", {"worker_rss_mb": {k: [round(v, 1) for v in sizes] for k, sizes in result.items()}})


def main() -> int:
    if not shutil.which("wrk"):
        raise SystemExit("[bench] wrk is missing: run `make stack` first (it installs Debian's wrk)")
    if not (stack.STACK / "run" / "gunicorn.pid").exists():
        raise SystemExit("[bench] the stack is not running: `make stack` first")
    command = sys.argv[1] if len(sys.argv) > 1 else "all"
    if command == "all":
        pages(), tax(), stock(), documents(), scale(63), scale(200)
    elif command == "scale":
        scale(int(sys.argv[2]))
    elif command in {"pages", "tax", "stock", "documents", "memory"}:
        globals()[command]()
    else:
        raise SystemExit(__doc__)
    return 0


if __name__ == "__main__":
    sys.exit(main())
