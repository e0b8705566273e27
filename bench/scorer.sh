#!/usr/bin/env bash
# Lead scorer micro-benchmark, one command:   bash bench/scorer.sh
#
# Builds the ai module, then times the learned and the baseline lead scorer in one JVM on synthetic partners and
# leads (100 candidate leads per partner, as a LEADS turn scores them) and prints ns per lead. Not JMH: see
# bench/src/ScorerBench.java for the method. Environment: OFFLINE=1 passes -o to Maven, SKIP_BUILD=1 skips it.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
MVN_FLAGS=(-q)
if [ "${OFFLINE:-0}" = 1 ]; then MVN_FLAGS+=(-o); fi
CP_FILE=ai/target/bench.classpath
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw "${MVN_FLAGS[@]}" -pl ai -am install -DskipTests
fi
# always: a clean build (mvn verify) removes it, and SKIP_BUILD=1 only skips compiling
./mvnw "${MVN_FLAGS[@]}" -pl ai dependency:build-classpath -Dmdep.outputFile="$ROOT/$CP_FILE" -Dmdep.includeScope=runtime
OUT=bench/results/scorer-classes
mkdir -p "$OUT"
CP="ai/target/classes:$(cat "$CP_FILE")"
javac -d "$OUT" -cp "$CP" bench/src/ScorerBench.java
java -cp "$OUT:$CP" ScorerBench
