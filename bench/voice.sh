#!/usr/bin/env bash
# SHISHA voice-note decode benchmark, one command:   bash bench/voice.sh
#
# Builds bot-core and ai with the wrapper (unless SKIP_BUILD=1), then decodes the committed test audio
# (ai/src/test/resources/audio) over and over on one thread and prints the OGG/Opus decode speed in
# multiples of real time (median and p95 over single decodes), with the WAV path as a baseline in the same run,
# and MP3 (the bundled FFmpeg path, also used for AAC/MP4, AMR, WebM and OGG/Vorbis, each printed once more).
# Speech recognition is not measured: it needs a Vosk model, which cannot be downloaded here (docs/voice.md).
#
# Environment (defaults): SKIP_BUILD=0  WARMUP=200  ROUNDS=300  OFFLINE=1  JAVA_OPTS=
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
OUT=$ROOT/bench/results
mkdir -p "$OUT"
# OFFLINE=1 (the default) passes -o to Maven, as in the other bench scripts
OFFLINE=$([ "${OFFLINE:-1}" = 1 ] && echo "-o" || echo "")

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  # install compiles the test classes too (-DskipTests skips running them only)
  ./mvnw -q $OFFLINE -pl ai -am install -DskipTests
fi
./mvnw -q $OFFLINE -pl ai dependency:build-classpath -Dmdep.outputFile="$OUT/voice.classpath" -Dmdep.includeScope=test > /dev/null
CP="ai/target/test-classes:ai/target/classes:$(cat "$OUT/voice.classpath")"

echo "== SHISHA voice decode bench  $(date -u +%FT%TZ)  repo $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "host: $(nproc) cores, $(awk '/MemTotal/{print int($2/1024)" MiB"}' /proc/meminfo)"
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -Dorg.bytedeco.javacpp.cachedir="$ROOT/ai/target/javacpp" -cp "$CP" com.shisha.ai.voice.DecodeBench "${WARMUP:-200}" "${ROUNDS:-300}" | tee "$OUT/voice.txt"
