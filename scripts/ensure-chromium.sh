#!/bin/sh
# Makes sure Debian's chromium and chromedriver are installed, for the browser tests (app: Browser*Test).
# Exit 0: both are there (installed now or before). 2: missing and this machine cannot install them (not root,
# or no apt-get): the tests skip, loudly. 1: the install was possible but failed: the tests fail.
set -u
have() { command -v "$1" >/dev/null 2>&1; }
if have chromium && have chromedriver; then
    exit 0
fi
if [ "$(id -u)" != 0 ] || ! have apt-get; then
    echo "ensure-chromium: chromium/chromedriver are missing and cannot be installed here (needs root and apt-get)" >&2
    exit 2
fi
echo "ensure-chromium: installing chromium and chromium-driver with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
if ! apt-get update -qq >&2 || ! apt-get install -y -qq --no-install-recommends chromium chromium-driver >&2; then
    echo "ensure-chromium: apt-get could not install chromium chromium-driver" >&2
    exit 1
fi
have chromium && have chromedriver
