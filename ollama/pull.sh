#!/usr/bin/env bash
# Pulls the base model and builds the coach model from the Modelfile.
#   docker compose exec ollama sh /shisha-ollama/pull.sh     (or run locally with the ollama CLI)
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ollama pull llama3.2:3b
ollama create shisha-coach -f "$HERE/Modelfile"
ollama list
