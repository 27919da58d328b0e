#!/usr/bin/env bash
# Install the browser that tests/browser/ drives: Debian's Chromium at /usr/bin/chromium, with
# fonts-liberation (the metric-compatible Arial of the theme's font stack, Vietnamese included).
#
# Exit 0 when Chromium is there (already, or installed now); otherwise print one line saying
# why and exit 1. The browser tests skip, naming the reason, when Chromium is missing; `make
# test` runs this as `bash tests/browser/install_browser.sh || true`.
#
# Playwright's own `playwright install` is never used: it downloads a browser build, which
# cannot be fetched here. The Python packages (playwright, axe-playwright-python) come from
# requirements.txt.
set -u

CHROMIUM=/usr/bin/chromium
[ -x "$CHROMIUM" ] && exit 0
bash "$(dirname "$0")/../install_debian_packages.sh" "$CHROMIUM" chromium fonts-liberation || exit 1
"$CHROMIUM" --version >/dev/null 2>&1 || { echo "install_browser.sh: $CHROMIUM does not start" >&2; exit 1; }
echo "install_browser.sh: $("$CHROMIUM" --version 2>/dev/null | head -n 1)"
