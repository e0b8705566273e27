#!/bin/sh
# Prints the path of a caddy binary, to check deploy/Caddyfile (app: ComposeFileTest: adapt and validate, nothing is
# served). Without one on PATH it takes Debian's caddy package apart into a cache folder rather than installing it,
# since the package's install would start a caddy service on ports 80 and 443 wherever systemd runs.
# Exit 0: path printed. 2: no caddy, and this machine cannot fetch one (not root, or no apt-get): the test skips,
# loudly. 1: fetching it failed.
set -u
have() { command -v "$1" >/dev/null 2>&1; }
if have caddy; then
    command -v caddy
    exit 0
fi
cache=${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/shisha/caddy
if [ -x "$cache/usr/bin/caddy" ]; then
    echo "$cache/usr/bin/caddy"
    exit 0
fi
if [ "$(id -u)" != 0 ] || ! have apt-get || ! have dpkg-deb; then
    echo "ensure-caddy: no caddy, and it cannot be fetched here (needs root, apt-get and dpkg-deb)" >&2
    exit 2
fi
echo "ensure-caddy: fetching Debian's caddy package into $cache" >&2
mkdir -p "$cache" || exit 1
export DEBIAN_FRONTEND=noninteractive
if ! apt-get update -qq >&2 || ! (cd "$cache" && apt-get download -qq caddy >&2); then
    echo "ensure-caddy: apt-get could not download caddy" >&2
    exit 1
fi
for deb in "$cache"/caddy_*.deb; do
    dpkg-deb -x "$deb" "$cache" >&2 || exit 1
    rm -f "$deb"
done
[ -x "$cache/usr/bin/caddy" ] || exit 1
echo "$cache/usr/bin/caddy"
