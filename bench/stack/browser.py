"""Debian's Chromium against `make stack` (through nginx and its cache): accessibility, CSP, weight.

    python bench/stack/browser.py

For each demo site and key page, at a phone's width (360 px) and a desktop's (1280 px): axe-core
WCAG 2.1 A/AA violations, Content-Security-Policy violations reported by the browser, horizontal
scrolling, the bytes transferred and the time to the load event on loopback. The pytest browser
suite (tests/browser) checks the same rules on its own server; this runs them on the production
stack. Exit status 1 when any violation is found. Results: bench/results/browser.json.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "platform"), str(ROOT / "deploy")]

import os  # noqa: E402

import stack  # noqa: E402

os.environ.update(stack.stack_environment())  # the test helpers below import Django models

import django  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

django.setup()

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, axe_script_path  # noqa: E402
from tests.browser.test_accessibility import run_axe  # noqa: E402

HOSTS = ["hanoi.localhost", "hcm.localhost", "danang.localhost", "localhost"]
PATHS = ["/", "/tin-tuc/", "/van-ban/", "/hoi-dap/", "/tim-kiem/?q=bao+hiem+y+te"]
WIDTHS = [360, 1280]


def check(browser, axe_source: str, url: str, width: int) -> dict:
    context = browser.new_context(viewport={"width": width, "height": 800}, bypass_csp=False)
    page = context.new_page()
    csp_errors, transferred = [], []
    page.on("console", lambda message: "Content Security Policy" in message.text and csp_errors.append(message.text))
    page.on("requestfinished", lambda request: transferred.append(sum(request.sizes().values())))
    started = time.perf_counter()
    response = page.goto(url, wait_until="load")
    load_ms = round((time.perf_counter() - started) * 1000)
    overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    context.close()
    # axe-core goes in as an inline script, which the CSP rightly refuses: a second context lets it in.
    axe_context = browser.new_context(viewport={"width": width, "height": 800}, bypass_csp=True)
    axe_page = axe_context.new_page()
    axe_page.goto(url, wait_until="load")
    violations = [violation["id"] for violation in run_axe(axe_page, axe_source)]
    axe_context.close()
    return {
        "url": url,
        "width": width,
        "status": response.status if response else None,
        "cache": response.headers.get("x-cache-status") if response else None,
        "load_ms": load_ms,
        "kilobytes": round(sum(transferred) / 1024, 1),
        "axe_violations": violations,
        "csp_violations": csp_errors,
        "horizontal_scroll": overflow,
    }


def main() -> int:
    axe_source = axe_script_path().read_text(encoding="utf-8")
    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
        )
        for host in HOSTS:
            for path in PATHS if host != "localhost" else ["/"]:
                for width in WIDTHS:
                    results.append(check(browser, axe_source, f"http://{host}:{stack.HTTP_PORT}{path}", width))
                    print(json.dumps(results[-1], ensure_ascii=False), flush=True)
        browser.close()
    failures = [r for r in results if r["axe_violations"] or r["csp_violations"] or r["horizontal_scroll"]]
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    summary = {
        "pages_checked": len(results),
        "with_violations": len(failures),
        "largest_kilobytes": max(r["kilobytes"] for r in results),
        "median_load_ms": sorted(r["load_ms"] for r in results)[len(results) // 2],
        "results": results,
    }
    (ROOT / "bench" / "results" / "browser.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    print(f"[browser] {len(results)} page loads, {len(failures)} with violations")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
