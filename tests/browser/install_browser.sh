#!/usr/bin/env bash
# Install the browser that tests/browser/ drives: Debian's Chromium at /usr/bin/chromium, with
# fonts-liberation (the metric-compatible Arial of the theme's font stack, Vietnamese included).
#
# Non-interactive and quiet. Exit 0 when Chromium is there (already, or installed now);
# otherwise print one line saying why it could not be installed and exit 1. The browser
# tests skip, naming the reason, when Chromium is missing; callers that must not stop on a
# machine without apt (e.g. `make test`) run this as `bash tests/browser/install_browser.sh || true`.
#
# Playwright's own `playwright install` is never used: it downloads a browser build, which
# cannot be fetched here. The Python packages (playwright, axe-playwright-python) come from
# requirements.txt.
set -u

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

fail() {
  echo "install_browser.sh: could not install chromium: $*" >&2
  exit 1
}

command -v apt-get >/dev/null 2>&1 || fail "apt-get not found (not a Debian/Ubuntu machine); install Chromium at $CHROMIUM by hand"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    fail "apt-get needs root (run as root, or with password-less sudo)"
  fi
fi

LOG=$(mktemp "${TMPDIR:-/tmp}/install-chromium.XXXXXX.log")
trap 'rm -f "$LOG"' EXIT
APT=($SUDO env DEBIAN_FRONTEND=noninteractive apt-get -qq -y -o DPkg::Lock::Timeout=300)

# A fresh machine has no package lists yet: try as is, then once more after an update.
if ! timeout 1200 "${APT[@]}" install --no-install-recommends chromium fonts-liberation >"$LOG" 2>&1; then
  if ! timeout 600 "${APT[@]}" update >>"$LOG" 2>&1 \
    || ! timeout 1200 "${APT[@]}" install --no-install-recommends chromium fonts-liberation >>"$LOG" 2>&1; then
    reason=$(grep -E '^(E|W):|rror' "$LOG" | tail -n 1)
    fail "${reason:-apt-get install chromium failed}"
  fi
fi

[ -x "$CHROMIUM" ] || fail "apt-get finished but $CHROMIUM is not there"
"$CHROMIUM" --version >/dev/null 2>&1 || fail "$CHROMIUM is installed but does not start ($CHROMIUM --version failed)"
echo "install_browser.sh: $("$CHROMIUM" --version 2>/dev/null | head -n 1)"
exit 0
