#!/bin/sh
# Makes sure Debian's chromium and chromedriver are installed, for the browser tests (app: Browser*Test).
# Exit 0: both are there (installed now or before). 2: missing and this machine cannot install them (not root,
# or no apt-get): the tests skip, loudly. 1: the install was possible but failed: the tests fail.
set -u
have() { command -v "$1" >/dev/null 2>&1; }
# A Devanagari font, so the Hindi pages in the screenshots (target/screenshots) read as Hindi rather than boxes.
# Best effort: the tests measure layout, which does not need it.
devanagari_font() {
    if have fc-list && [ -n "$(fc-list :lang=hi 2>/dev/null)" ]; then
        return 0
    fi
    if [ "$(id -u)" = 0 ] && have apt-get; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-noto-core >&2 \
            || echo "ensure-chromium: no Devanagari font (fonts-noto-core did not install); Hindi screenshots show boxes" >&2
    fi
    return 0
}
if have chromium && have chromedriver; then
    devanagari_font
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
devanagari_font
have chromium && have chromedriver
