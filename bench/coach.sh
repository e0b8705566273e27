#!/usr/bin/env bash
# SHISHA coach benchmark, one command:   bash bench/coach.sh
#
# Builds ai and what it needs with the Maven wrapper (unless SKIP_BUILD=1), then runs CoachBench from the ai
# test classes: retrieval p50/p95 over the knowledge base and over 10,000 synthetic sections (with a naive
# brute-force baseline), the coach's overhead with an Ollama stand-in answering at once, and the reply time when
# Ollama hangs. Targets are printed as PASS/FAIL, not enforced. See bench/README.md ("Coach").
#
# Environment (defaults): SKIP_BUILD=0  OFFLINE=1 (pass -o to Maven)  N=500  WARM=200  SYNTHETIC=10000
#   HANG_N=20  HANG_TIMEOUT_MS=1000  JAVA_OPTS="-Xmx1g"
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
MVN_OFFLINE=$([ "${OFFLINE:-1}" = 1 ] && echo "-o" || echo "")
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  # -am builds bot-core from this tree: other checkouts may have installed a different snapshot of it
  ./mvnw -q $MVN_OFFLINE -pl ai -am test-compile
fi
CP_FILE=$ROOT/ai/target/bench-classpath.txt
./mvnw -q $MVN_OFFLINE -pl ai dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null
TMP=ai/target/bench-tmp
mkdir -p "$TMP"
# onnxruntime and DJL unpack native libraries: keep them under target/
exec java ${JAVA_OPTS:--Xmx1g} -Djava.io.tmpdir="$TMP" -DDJL_CACHE_DIR="$TMP/djl" \
  -Dbench.n="${N:-500}" -Dbench.warm="${WARM:-200}" -Dbench.synthetic="${SYNTHETIC:-10000}" \
  -Dbench.hang.n="${HANG_N:-20}" -Dbench.hang.timeout="${HANG_TIMEOUT_MS:-1000}" \
  -Dlogback.configurationFile=ai/src/test/resources/logback-bench.xml \
  -cp "ai/target/test-classes:ai/target/classes:bot-core/target/classes:$(cat "$CP_FILE")" \
  com.shisha.ai.coach.CoachBench
