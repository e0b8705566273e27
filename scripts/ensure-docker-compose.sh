#!/bin/sh
# Makes sure a docker compose client is installed, to validate docker-compose.yml (app: ComposeFileTest). It only
# reads and checks the file: no Docker engine is needed. Exit 0: there (installed now or before). 2: missing and
# this machine cannot install it (not root, or no apt-get): the test skips, loudly. 1: the install failed.
set -u
have() { command -v "$1" >/dev/null 2>&1; }
if have docker-compose || (have docker && docker compose version >/dev/null 2>&1); then
    exit 0
fi
if [ "$(id -u)" != 0 ] || ! have apt-get; then
    echo "ensure-docker-compose: no docker compose client, and it cannot be installed here (needs root and apt-get)" >&2
    exit 2
fi
echo "ensure-docker-compose: installing docker-compose with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
if ! apt-get update -qq >&2 || ! apt-get install -y -qq --no-install-recommends docker-compose >&2; then
    echo "ensure-docker-compose: apt-get could not install docker-compose" >&2
    exit 1
fi
have docker-compose
