#!/bin/sh
# Makes sure a caddy binary is installed, to check deploy/Caddyfile (app: ComposeFileTest); it only adapts and
# validates the file, nothing is served. Exit 0: there (installed now or before). 2: missing and this machine cannot
# install it (not root, or no apt-get): the test skips, loudly. 1: the install failed.
set -u
have() { command -v "$1" >/dev/null 2>&1; }
if have caddy; then
    exit 0
fi
if [ "$(id -u)" != 0 ] || ! have apt-get; then
    echo "ensure-caddy: no caddy, and it cannot be installed here (needs root and apt-get)" >&2
    exit 2
fi
echo "ensure-caddy: installing caddy with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
if ! apt-get update -qq >&2 || ! apt-get install -y -qq --no-install-recommends caddy >&2; then
    echo "ensure-caddy: apt-get could not install caddy" >&2
    exit 1
fi
have caddy
