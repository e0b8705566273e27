#!/usr/bin/env bash
# SHISHA coach retrieval benchmark, one command:   bash bench/retrieval.sh
#
# Builds ai and what it needs with the Maven wrapper (unless SKIP_BUILD=1), then runs RetrievalBench from the ai
# test classes: top-1/top-3 per language (English, Hindi, Hinglish) on every labelled question set in
# ai/src/test/resources/kb/ (partner-questions.tsv, tuned on; partner-questions-heldout*.tsv, four held-out sets; partner-questions-dev*.tsv,
# two development sets) for
# the fused retrieval and the old one, and the search's p50/p95 over the knowledge base and over 10,000 sections (with the
# load average). Targets are printed as PASS/FAIL, not enforced.
#
# Environment (defaults): SKIP_BUILD=0  OFFLINE=1 (pass -o to Maven)  N=500  WARM=200  SYNTHETIC=10000
#   JAVA_OPTS="-Xmx4g" (10,000 sections of about 80 vectors each hold 1.2 GiB of floats)
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
exec java ${JAVA_OPTS:--Xmx4g} -Djava.io.tmpdir="$TMP" -DDJL_CACHE_DIR="$TMP/djl" \
  -Dbench.n="${N:-500}" -Dbench.warm="${WARM:-200}" -Dbench.synthetic="${SYNTHETIC:-10000}" \
  -Dlogback.configurationFile=ai/src/test/resources/logback-bench.xml \
  -cp "ai/target/test-classes:ai/target/classes:bot-core/target/classes:$(cat "$CP_FILE")" \
  com.shisha.ai.coach.RetrievalBench
