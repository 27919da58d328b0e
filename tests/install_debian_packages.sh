#!/usr/bin/env bash
# Install Debian packages that some tests need, when a file they provide is missing:
#
#   bash tests/install_debian_packages.sh FILE PACKAGE...
#
# Non-interactive and quiet. Exit 0 when FILE is there (already, or installed now); otherwise
# print one line saying why it could not be installed and exit 1. Tests that need the tool skip,
# naming the reason, when it is missing; `make test` runs this as `... || true`.
set -u

FILE=$1
shift
[ -e "$FILE" ] && exit 0

fail() {
  echo "install_debian_packages.sh: could not install $*" >&2
  exit 1
}

command -v apt-get >/dev/null 2>&1 || fail "$1: apt-get not found (not a Debian/Ubuntu machine)"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    fail "$1: apt-get needs root (run as root, or with password-less sudo)"
  fi
fi

LOG=$(mktemp "${TMPDIR:-/tmp}/install-packages.XXXXXX.log")
trap 'rm -f "$LOG"' EXIT
APT=($SUDO env DEBIAN_FRONTEND=noninteractive apt-get -qq -y -o DPkg::Lock::Timeout=300)

# A fresh machine has no package lists yet: try as is, then once more after an update.
if ! timeout 1200 "${APT[@]}" install --no-install-recommends "$@" >"$LOG" 2>&1; then
  if ! timeout 600 "${APT[@]}" update >>"$LOG" 2>&1 \
    || ! timeout 1200 "${APT[@]}" install --no-install-recommends "$@" >>"$LOG" 2>&1; then
    reason=$(grep -E '^(E|W):|rror' "$LOG" | tail -n 1)
    fail "$*: ${reason:-apt-get install failed}"
  fi
fi

[ -e "$FILE" ] || fail "$*: apt-get finished but $FILE is not there"
exit 0
