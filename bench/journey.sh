#!/usr/bin/env bash
# SHISHA journey benchmark, one command:   bash bench/journey.sh
#
# Starts SHISHA on its own data folder seeded with SHISHA_DEMO_PARTNERS (default 10,000 onboarded partners)
# and SHISHA_DEMO_LEADS (default 100,000 leads), then drives signed WhatsApp webhooks for the journey:
#   quiz:  QUIZ + 10 answers per partner (11 turns)          partners 0 .. S-1
#   leads: LEADS, open a lead, outcome, open, outcome (5)    partners S .. 2S-1
# Each partner waits for the bot's reply before its next message (gate reply). Two kinds of run per script:
#   throughput: C partners in flight, no think time (the server is saturated: latency there is queueing)
#   latency:    LAT_C partners reading each reply for THINK_MS on average (exponential) before answering
# It prints turns/s and, from the app's own record (GET /ops/turns), the server-side turn latency: webhook
# stored -> reply queued, without the Twilio stand-in. Target: p95 <= 30 ms in the latency runs.
#
# The data folder is kept between runs, and so are the partners' conversations: in a second run the leads partners
# still have a list on screen, and their LEADS turns show it again instead of ranking and reserving new leads (the
# costlier turn). FRESH=1 deletes the folder first, so runs compare (seeding takes about half a minute).
#
# Environment (defaults): SKIP_BUILD=0 PORT=8080 STANDIN_PORT=4010 PARTNERS=10000 LEADS=100000 S=1000 C=8
#   LAT_C=32 THINK_MS=500 QUIZ_N=S*11 LEADS_N=S*5 BENCH_DATA_DIR=target/bench-journey-data FRESH=0 APP_JAVA_OPTS=
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
OUT=$ROOT/bench/results
JSONL=$OUT/journey.jsonl
mkdir -p "$OUT/classes"
: > "$JSONL"

PORT=${PORT:-8080}
STANDIN_PORT=${STANDIN_PORT:-4010}
PARTNERS=${PARTNERS:-10000}
LEADS=${LEADS:-100000}
S=${S:-1000}
C=${C:-8}
LAT_C=${LAT_C:-32}
THINK_MS=${THINK_MS:-500}
QUIZ_N=${QUIZ_N:-$((S * 11))}
LEADS_N=${LEADS_N:-$((S * 5))}
TOKEN=bench-secret-token
PUBLIC_BASE_URL=https://bot.example.test
ACCOUNT_SID=AC00000000000000000000000000000000
BOT_NUMBER=whatsapp:+14155238886
APP_JAR=${APP_JAR:-app/target/app-0.1.0-SNAPSHOT.jar}
DATA=${BENCH_DATA_DIR:-target/bench-journey-data}
if [ $((5 * S)) -gt "$PARTNERS" ]; then
  echo "S=$S needs at least $((5 * S)) generated partners (warm-up, 2 x quiz, 2 x leads); PARTNERS=$PARTNERS" >&2
  exit 2
fi

javac -nowarn -d "$OUT/classes" bench/src/BenchDriver.java
DRIVER=(java -Xmx1g -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$OUT/classes" BenchDriver)
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "== build: ./mvnw -q -B -DskipTests package"
  ./mvnw -q -B -DskipTests package
fi

# shellcheck source=bench/stop-app.sh
. "$ROOT/bench/stop-app.sh"

if [ "${FRESH:-0}" = 1 ]; then
  rm -rf "$DATA"
fi
echo "== start SHISHA with $PARTNERS partners and $LEADS leads (data in $DATA; the first start seeds them)"
# shellcheck disable=SC2086
env SERVER_PORT="$PORT" TWILIO_ACCOUNT_SID="$ACCOUNT_SID" TWILIO_AUTH_TOKEN="$TOKEN" \
  TWILIO_WHATSAPP_FROM="$BOT_NUMBER" TWILIO_API_BASE_URL="http://127.0.0.1:$STANDIN_PORT" \
  PUBLIC_BASE_URL="$PUBLIC_BASE_URL" TWILIO_SEND_RATE_PER_SECOND=100000 SHISHA_NUDGE_EVERY_SECONDS=0 \
  SHISHA_DEMO_DATA=true SHISHA_DEMO_PARTNERS="$PARTNERS" SHISHA_DEMO_LEADS="$LEADS" SHISHA_DATA_DIR="$DATA" \
  java ${APP_JAVA_OPTS:-} -jar "$APP_JAR" > "$OUT/journey-app.log" 2>&1 &
APP_PID=$!
TARGET=http://127.0.0.1:$PORT
"${DRIVER[@]}" wait --target "$TARGET" --path /ping --timeout-s 300 --pid "$APP_PID" > /dev/null \
  || { echo "SHISHA did not start; see bench/results/journey-app.log"; tail -30 "$OUT/journey-app.log"; exit 1; }
# /ping answers before the demo data is seeded (ApplicationReadyEvent); the partners must exist first
for _ in $(seq 1 600); do grep -q "SHISHA is ready" "$OUT/journey-app.log" && break; sleep 0.5; done
grep -E "demo data" "$OUT/journey-app.log" || true

WEBHOOK=(webhook --target "$TARGET" --token "$TOKEN" --sign-base "$PUBLIC_BASE_URL" --account-sid "$ACCOUNT_SID"
         --to "$BOT_NUMBER" --standin-port "$STANDIN_PORT" --gate reply --ops-path /ops/turns --json-out "$JSONL")
echo "== warm-up (not reported): quiz on partners $((2 * S))..$((3 * S - 1))"
"${DRIVER[@]}" "${WEBHOOK[@]}" --c "$C" --script quiz --s "$S" --n "$QUIZ_N" --sender-offset $((2 * S)) --label journey-warmup > "$OUT/journey-warmup.txt" 2>&1 || true
echo "== throughput, quiz: $QUIZ_N turns from $S partners, $C in flight, no think time"
"${DRIVER[@]}" "${WEBHOOK[@]}" --c "$C" --script quiz --s "$S" --n "$QUIZ_N" --sender-offset 0 --label journey-quiz --show-conversation > "$OUT/journey-quiz.txt" 2>&1
echo "== throughput, leads: $LEADS_N turns from $S partners, $C in flight, no think time"
"${DRIVER[@]}" "${WEBHOOK[@]}" --c "$C" --script leads --s "$S" --n "$LEADS_N" --sender-offset "$S" --label journey-leads --show-conversation > "$OUT/journey-leads.txt" 2>&1
echo "== latency, quiz: $((QUIZ_N / 2)) turns, $LAT_C partners in flight, think time ${THINK_MS} ms"
"${DRIVER[@]}" "${WEBHOOK[@]}" --c "$LAT_C" --think-ms "$THINK_MS" --script quiz --s "$S" --n $((QUIZ_N / 2)) --sender-offset $((3 * S)) --label journey-quiz-latency > "$OUT/journey-quiz-latency.txt" 2>&1
echo "== latency, leads: $((LEADS_N / 2)) turns, $LAT_C partners in flight, think time ${THINK_MS} ms"
"${DRIVER[@]}" "${WEBHOOK[@]}" --c "$LAT_C" --think-ms "$THINK_MS" --script leads --s "$S" --n $((LEADS_N / 2)) --sender-offset $((4 * S)) --label journey-leads-latency > "$OUT/journey-leads-latency.txt" 2>&1
echo
echo "== summary ($PARTNERS partners, $LEADS leads; app, driver and stand-in share this machine's cores)"
"${DRIVER[@]}" journey-report --json-in "$JSONL" --summary-out "$OUT/journey-summary.txt"
