#!/bin/sh
# Installs headless Chromium, chromedriver and CJK fonts for the report browser test
# (org.custseg.report.html.HtmlReportBrowserIntegrationTest) on Debian/Ubuntu CI machines.
#
# Idempotent: does nothing when /usr/bin/chromium and /usr/bin/chromedriver already exist
# (override the paths with CHROMIUM / CHROMEDRIVER).
# Never fails the build: without root or apt-get it prints a warning and exits 0, and the
# browser test then skips itself with a message.
set -u

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
PACKAGES="chromium chromium-driver fonts-noto-cjk"

warn() {
  echo "install-browser: WARNING: $*" >&2
  echo "install-browser: the report browser test will be skipped." >&2
}

if [ -x "$CHROMIUM" ] && [ -x "$CHROMEDRIVER" ]; then
  echo "install-browser: $CHROMIUM and $CHROMEDRIVER already present; nothing to do."
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  warn "apt-get is not available; install Chromium and chromedriver yourself ($PACKAGES on Debian)."
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
    SUDO="sudo -n"
  else
    warn "not root and no password-less sudo; cannot install $PACKAGES."
    exit 0
  fi
fi

export DEBIAN_FRONTEND=noninteractive
echo "install-browser: installing $PACKAGES ..."
if ! $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q; then
  warn "apt-get update failed."
  exit 0
fi
if ! $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $PACKAGES; then
  warn "apt-get install $PACKAGES failed."
  exit 0
fi

if [ -x "$CHROMIUM" ] && [ -x "$CHROMEDRIVER" ]; then
  echo "install-browser: installed $("$CHROMIUM" --version 2>/dev/null || echo chromium)."
else
  warn "packages installed but $CHROMIUM or $CHROMEDRIVER is still missing."
fi
exit 0
