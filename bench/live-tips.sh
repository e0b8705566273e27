#!/usr/bin/env bash
# Live tips on a call, one command:   bash bench/live-tips.sh
#
# Builds the service (unless SKIP_BUILD=1), starts it in-process with its embedded stores and a Twilio stand-in,
# and replays the recorded call in app/src/test/resources/audio at real speed as Twilio's media stream, ROUNDS
# times after a warm-up round; prints, for each tip, the time from the end of the customer's sentence (the last
# frame of it sent) to the tip arriving on the partner's live stream (SSE), then p50 and max against the 2 s target.
# The speech recogniser is the tests' stand-in (no Vosk model can be had here): its end-pointing wait is in the
# figure, Vosk's decoding is not.
#
# Environment (defaults): SKIP_BUILD=0  ROUNDS=3  OFFLINE=1
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
OUT=$ROOT/bench/results
mkdir -p "$OUT"
OFFLINE=$([ "${OFFLINE:-1}" = 1 ] && echo "-o" || echo "")
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  # install compiles the test classes too (-DskipTests skips running them only)
  ./mvnw -q $OFFLINE -pl app -am install -DskipTests
fi
./mvnw -q $OFFLINE -pl app dependency:build-classpath -Dmdep.outputFile="$OUT/live-tips.classpath" -Dmdep.includeScope=test > /dev/null
CP="app/target/test-classes:app/target/classes:$(cat "$OUT/live-tips.classpath")"
DATA=$(mktemp -d)
trap 'rm -rf "$DATA"' EXIT
echo "== SHISHA live tips bench  $(date -u +%FT%TZ)  repo $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "host: $(nproc) cores, $(awk '/MemTotal/{print int($2/1024)" MiB"}' /proc/meminfo)"
java -DSHISHA_DATA_DIR="$DATA" -Dlogging.level.root=WARN -cp "$CP" com.shisha.app.LiveTipsBench "${ROUNDS:-3}" 2>&1 \
  | grep -E "^(warm-up|round|[0-9]+ tips)" | tee "$OUT/live-tips.txt"
