#!/bin/sh
# Pulls the base model the Modelfile names and builds the coach model (shisha-coach) from it. With the compose stack:
#   docker compose --profile setup run --rm fetch-coach-model   (the ollama CLI in a one-off container, talking to
#   the ollama service)
# or with a local ollama: sh ollama/pull.sh
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
# the base is read from the Modelfile so the two cannot disagree
BASE=$(sed -n 's/^FROM[[:space:]]\{1,\}//p' "$HERE/Modelfile" | head -n 1)
if [ -z "$BASE" ]; then
    echo "pull.sh: no FROM line in $HERE/Modelfile" >&2
    exit 1
fi
ollama pull "$BASE"
ollama create shisha-coach -f "$HERE/Modelfile"
ollama list
