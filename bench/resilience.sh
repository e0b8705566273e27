#!/usr/bin/env bash
# SHISHA resilience suite, one command:   bash bench/resilience.sh
#
# Runs ResilienceIT (app/src/test/java/com/shisha/app/ResilienceIT.java) against the packaged service with a heavier
# load than CI's, and prints one line per fault: when it happened, how long until the service answered a message sent
# after it, the slowest reply around it, and for each scenario the messages acknowledged, replies, lost, duplicated.
# The scenarios: the zero-setup run's Redis, then PostgreSQL, then the service itself killed -9; two instances on an
# external Redis and PostgreSQL, each stopped 5 s and started again, Twilio answering 429 then 500 for 3 s each, and
# the language model hanging while every partner asks the coach. Exit status: that of the tests (non-zero when a
# reply was lost or duplicated).
#
# Environment (defaults): PARTNERS=64 (partners writing at once)  GAP_MS=250 (each one's pause between messages)
#   SKIP_BUILD=0  MVN_OFFLINE= (set to -o on a machine without network)
# Output: bench/results/resilience.txt (the figures) and app/target/resilience-*.log (the services' logs).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
PARTNERS=${PARTNERS:-64}
GAP_MS=${GAP_MS:-250}
OUT=$ROOT/bench/results
mkdir -p "$OUT"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "== build: ./mvnw -q -B ${MVN_OFFLINE:-} -DskipTests install"
  ./mvnw -q -B ${MVN_OFFLINE:-} -DskipTests install
fi
echo "== ResilienceIT with $PARTNERS partners, one message each every $GAP_MS ms (several minutes)"
status=0
./mvnw -q -B ${MVN_OFFLINE:-} -pl app verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ResilienceIT \
  -Dresilience.partners="$PARTNERS" -Dresilience.gapMillis="$GAP_MS" || status=$?
{
  echo "# bash bench/resilience.sh, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, PARTNERS=$PARTNERS GAP_MS=$GAP_MS"
  grep -h '^resilience' app/target/failsafe-reports/com.shisha.app.ResilienceIT-output.txt || echo "no figures: see app/target/failsafe-reports"
} | tee "$OUT/resilience.txt"
exit "$status"
