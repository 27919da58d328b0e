"""Benchmark: onboarding one province end to end (schema clone, domains, home page, site,
board groups, administrator). Goal: at most 1.5 s on the reference machine (2 cores).

Each run happens inside a transaction that is rolled back, so the database is unchanged.
Run with `make bench` (or `python platform/launch.py bench`).
"""

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "platform"))
import bootstrap

bootstrap.configure()

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from tenants.services import ensure_template_schema, onboard_province  # noqa: E402

GOAL_SECONDS = 1.5
RUNS = 7
CODE = "96"  # Cà Mau: not one of the demo provinces


class Rollback(Exception):
    pass


def one_run() -> tuple[float, int]:
    started = time.perf_counter()
    try:
        with transaction.atomic(), CaptureQueriesContext(connection) as queries:
            onboard_province(CODE, schema_name="bench_camau", domains=["bench-camau.localhost"])
            elapsed = time.perf_counter() - started
            raise Rollback
    except Rollback:
        pass
    connection.set_schema_to_public()
    return elapsed, len(queries)


def main() -> int:
    ensure_template_schema(print)
    one_run()  # warm-up: imports, clone function, caches
    results = [one_run() for _ in range(RUNS)]
    times = sorted(seconds for seconds, _ in results)
    median = statistics.median(times)
    print(
        f"onboard_province end to end, {RUNS} runs: min {times[0]:.3f}s  median {median:.3f}s  "
        f"max {times[-1]:.3f}s  ({results[0][1]} SQL statements)"
    )
    print(f"goal <= {GOAL_SECONDS}s: {'met' if median <= GOAL_SECONDS else 'NOT met'}")
    return 0 if median <= GOAL_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
