#!/usr/bin/env bash
# The AI benchmarks in one command:   bash bench/ai.sh
#
# Builds once, then runs, one after the other (each prints its own figures and ratios against a baseline of the
# same run): retrieval and coach overhead and the Ollama-hang latency (bench/coach.sh), OGG/Opus decoding in
# multiples of real time against the WAV path (bench/voice.sh), and lead scoring per lead, learned model against
# the baseline scorer (bench/scorer.sh). Run it on a quiet machine: the figures move with the load average.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
OFFLINE_FLAG=$([ "${OFFLINE:-1}" = 1 ] && echo "-o" || echo "")
./mvnw -q $OFFLINE_FLAG -pl ai -am install -DskipTests
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for part in coach voice scorer; do
  echo
  echo "=================== bench/$part.sh ==================="
  SKIP_BUILD=1 bash "bench/$part.sh"
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
