#!/usr/bin/env bash
# SHISHA lead import benchmark, one command:   bash bench/imports.sh
#
# Starts SHISHA on an empty data folder (the embedded servers, the console's development admin, an integration key)
# and runs bench/src/ImportBench.java against it: a CSV of SIZES rows uploaded through the console and followed on
# its progress endpoint until done (the first size is the baseline for the ratios), the largest file uploaded again
# (every row an update), and API_ROWS leads through the integration endpoint in calls of 1,000. About 3 % of the rows
# have a problem (refused and listed) and about 3 % repeat a person and product (merged). App, driver and database
# share this machine's cores.
#
# Environment (defaults): SKIP_BUILD=0 PORT=8080 SIZES=10000,100000 API_ROWS=20000
#   BENCH_DATA_DIR=target/bench-imports-data APP_JAVA_OPTS=
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
OUT=$ROOT/bench/results
mkdir -p "$OUT/classes"
PORT=${PORT:-8080}
DATA=${BENCH_DATA_DIR:-target/bench-imports-data}
APP_JAR=${APP_JAR:-app/target/app-0.1.0-SNAPSHOT.jar}
KEY=bench-integration-key-0123456789abcdef

javac -nowarn -d "$OUT/classes" bench/src/ImportBench.java bench/src/BenchDriver.java
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "== build: ./mvnw -q -B -DskipTests package"
  ./mvnw -q -B -DskipTests package
fi

# shellcheck source=bench/stop-app.sh
. "$ROOT/bench/stop-app.sh"

rm -rf "$DATA"
echo "== start SHISHA (data in $DATA)"
# shellcheck disable=SC2086
env SERVER_PORT="$PORT" SHISHA_DATA_DIR="$DATA" SHISHA_INTEGRATION_KEYS="$KEY" SHISHA_NUDGE_EVERY_SECONDS=0 \
  java ${APP_JAVA_OPTS:-} -jar "$APP_JAR" > "$OUT/imports-app.log" 2>&1 &
APP_PID=$!
java -cp "$OUT/classes" BenchDriver wait --target "http://127.0.0.1:$PORT" --path /ping --timeout-s 300 --pid "$APP_PID" > /dev/null \
  || { echo "SHISHA did not start; see bench/results/imports-app.log"; tail -30 "$OUT/imports-app.log"; exit 1; }
for _ in $(seq 1 600); do grep -q "SHISHA is ready" "$OUT/imports-app.log" && break; sleep 0.5; done

echo "== imports (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
java -Xmx2g -cp "$OUT/classes" ImportBench --target "http://127.0.0.1:$PORT" --email admin@shisha.local \
  --password shisha-console-dev --key "$KEY" --sizes "${SIZES:-10000,100000}" --api-rows "${API_ROWS:-20000}" \
  | tee "$OUT/imports.txt"
echo "(load average after: $(cut -d' ' -f1-3 /proc/loadavg))"
