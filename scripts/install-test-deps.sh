#!/usr/bin/env bash
# Installs the Debian packages the test suite needs beyond the .NET SDK, only when missing.
set -euo pipefail

packages=()
# The build of src/Web runs npm ci for its browser libraries.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
# scripts/test.sh starts a private Redis for the scale-out tests (the SignalR backplane, shared data-protection keys).
command -v redis-server >/dev/null 2>&1 || packages+=(redis-server)
# The widget's browser tests drive this Chromium through Playwright (tests/Api.Tests/Widget/Browser); they look for it
# at /usr/bin/chromium and never download a browser of their own.
[ -x /usr/bin/chromium ] || packages+=(chromium)
# The email tests (tests/Email.Tests) send through a private aiosmtpd, started with Debian's own /usr/bin/python3.
packages+=(python3-aiosmtpd)

needed=()
for pkg in "${packages[@]+"${packages[@]}"}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || needed+=("$pkg")
done
if [ ${#needed[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages: ${needed[*]} (run as root, or install them with apt-get)." >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${needed[@]}"
