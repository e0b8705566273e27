#!/usr/bin/env bash
# SHISHA benchmark, one command:   bash bench/run.sh
#
# Builds the app (unless SKIP_BUILD=1), starts it against the driver's Twilio REST stand-in,
# warms it up, then measures: GET /ping baseline, signed WhatsApp webhooks with --gate ack and
# with --gate reply; prints a summary with PASS/FAIL per target. PEER=1 also runs the Bot Framework
# peer (../shared/peers/botframework) through the same driver and prints it side by side.
# Raw outputs go to bench/results/ (gitignored). See bench/README.md.
#
# Exit status: 0 (targets are reported, not enforced), 1 if the app (or the peer) failed to start,
# 3 if replies were missing in a measured webhook run.
#
# Environment (defaults):
#   SKIP_BUILD=0  PORT=8080  STANDIN_PORT=4010  N=20000  S=2000  C=64  BASE_N=50000
#   BENCH_DATA_DIR=target/bench-data  STARTUP_TIMEOUT_S=120  APP_JAR=app/target/app-0.1.0-SNAPSHOT.jar
#   APP_JAVA_OPTS=-Xmx512m (as the README runs it)   CEILING=1 (measure the driver's own GET ceiling first)  CEIL_PORT=4011
#   DRIVER_JAVA_OPTS="-Xmx1g -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
#   PEER=0  PEER_PORT=3978  PEER_SRC=../shared/peers/botframework  PEER_WORKDIR=$TMPDIR/shisha-bench-peer
#   KEEP_DATA=0 (1 keeps BENCH_DATA_DIR from earlier runs; by default each invocation starts with an empty
#   database, so autovacuum works on this run's rows rather than on every earlier run's)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
BENCH=$ROOT/bench
OUT=$BENCH/results
JSONL=$OUT/results.jsonl
LOG=$OUT/bench.log

PORT=${PORT:-8080}
STANDIN_PORT=${STANDIN_PORT:-4010}
N=${N:-20000}
S=${S:-2000}
C=${C:-64}
BASE_N=${BASE_N:-50000}
TOKEN=bench-secret-token
PUBLIC_BASE_URL=https://bot.example.test
ACCOUNT_SID=AC00000000000000000000000000000000
BOT_NUMBER=whatsapp:+14155238886
APP_JAR=${APP_JAR:-app/target/app-0.1.0-SNAPSHOT.jar}
STARTUP_TIMEOUT_S=${STARTUP_TIMEOUT_S:-120}
CEILING=${CEILING:-1}
PEER=${PEER:-0}
PEER_PORT=${PEER_PORT:-3978}
PEER_SRC=${PEER_SRC:-$ROOT/../shared/peers/botframework}
PEER_WORKDIR=${PEER_WORKDIR:-${TMPDIR:-/tmp}/shisha-bench-peer}
TCK=$(getconf CLK_TCK)

mkdir -p "$OUT"
: > "$JSONL"
: > "$LOG"
note() { echo "$*" | tee -a "$LOG"; }

# ------------------------------------------------------------------ process bookkeeping
APP_PID=""
PEER_PID=""
SERVE_PID=""

descendants() { # all descendant PIDs of $1, depth first
  local c
  for c in $(ps -o pid= --ppid "$1" 2>/dev/null); do
    echo "$c"
    descendants "$c"
  done
}

alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

stop_tree() { # stop_tree PID NAME: SIGTERM, up to 30 s, then SIGKILL; then leftover children by PID
  local pid=$1 name=$2 kids i k
  alive "$pid" || return 0
  kids=$(descendants "$pid")
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 60); do alive "$pid" || break; sleep 0.5; done
  if alive "$pid"; then
    echo "$name (pid $pid) did not stop within 30 s; SIGKILL" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
  for k in $kids; do
    if alive "$k"; then
      kill -TERM "$k" 2>/dev/null || true
    fi
  done
  for i in $(seq 1 20); do
    local left=""
    for k in $kids; do alive "$k" && left="$left $k"; done
    [ -z "$left" ] && break
    sleep 0.25
  done
  for k in $kids; do alive "$k" && kill -KILL "$k" 2>/dev/null || true; done
  return 0
}

cleanup() {
  stop_tree "$SERVE_PID" "ceiling server"
  stop_tree "$APP_PID" "SHISHA"
  stop_tree "$PEER_PID" "peer"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
require_free() {
  if ! port_free "$1"; then
    note "port $1 ($2) is already in use on 127.0.0.1; stop whatever listens there or set $3"
    exit 1
  fi
}

# ------------------------------------------------------------------ driver
note "== SHISHA bench  $(date -u +%FT%TZ)"
note "host: $(nproc) cores, $(awk '/MemTotal/{print int($2/1024)" MiB"}' /proc/meminfo); $(java -version 2>&1 | head -1)"
note "repo: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo 'no commit')"
mkdir -p "$OUT/classes"
javac -nowarn -d "$OUT/classes" "$BENCH/src/BenchDriver.java"
# C1 only + serial GC: the driver is a fresh JVM per run, and C2 compiling in the first seconds of a
# measured run would take CPU from the app; C1 code is fast enough for the driver (see README).
read -r -a DRIVER_OPTS <<< "${DRIVER_JAVA_OPTS:--Xmx1g -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"
DRIVER=(java "${DRIVER_OPTS[@]}" -cp "$OUT/classes" BenchDriver)
"${DRIVER[@]}" --selftest > "$OUT/selftest.txt" || { cat "$OUT/selftest.txt"; note "driver self-test failed"; exit 1; }
note "driver self-test: $(tail -1 "$OUT/selftest.txt")"

# run LABEL FILE ARGS...: one driver run, human output to the console (JSON line only to the files)
run() {
  local label=$1 file=$2
  shift 2
  "${DRIVER[@]}" "$@" --label "$label" --json-out "$JSONL" 2>&1 | tee "$OUT/$file" | grep -v -e '^{' -e '^  \.\.\. ' || true
}
quiet() { # same, no console output
  local label=$1 file=$2
  shift 2
  "${DRIVER[@]}" "$@" --label "$label" --json-out "$JSONL" > "$OUT/$file" 2>&1 || true
}
snap() { # snap LABEL PID [ALSO]: CPU s and RSS of the process tree (+ processes whose command line has ALSO)
  "${DRIVER[@]}" proc --pid "$2" --label "$1" --clk-tck "$TCK" --json-out "$JSONL" --list ${3:+--also "$3"} > /dev/null || true
}

if [ "$CEILING" = 1 ]; then
  CEIL_PORT=${CEIL_PORT:-4011}
  if port_free "$CEIL_PORT"; then
    note "== driver ceiling: GET against a trivial JDK HttpServer on :$CEIL_PORT, n=$BASE_N c=$C"
    "${DRIVER[@]}" serve --port "$CEIL_PORT" > "$OUT/ceiling-server.log" 2>&1 &
    SERVE_PID=$!
    "${DRIVER[@]}" wait --target "http://127.0.0.1:$CEIL_PORT" --path /ping --timeout-s 20 --pid "$SERVE_PID" > /dev/null
    quiet driver-ceiling-warmup ceiling-warmup.txt baseline --target "http://127.0.0.1:$CEIL_PORT" --path /ping --n 20000 --c "$C"
    run driver-ceiling ceiling.txt baseline --target "http://127.0.0.1:$CEIL_PORT" --path /ping --n "$BASE_N" --c "$C"
    stop_tree "$SERVE_PID" "ceiling server"
    SERVE_PID=""
  else
    note "(port $CEIL_PORT busy: driver ceiling skipped)"
  fi
fi

# ------------------------------------------------------------------ build + start SHISHA
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  note "== build: ./mvnw -q -B -DskipTests package"
  ./mvnw -q -B -DskipTests package
fi
if [ ! -f "$APP_JAR" ]; then
  note "app jar $APP_JAR not found (build it, or unset SKIP_BUILD)"
  exit 1
fi

require_free "$PORT" "app" PORT
require_free "$STANDIN_PORT" "Twilio stand-in" STANDIN_PORT
TARGET=http://127.0.0.1:$PORT

note "== start SHISHA: java ${APP_JAVA_OPTS--Xmx512m} -jar $APP_JAR  (port $PORT, Twilio REST -> stand-in :$STANDIN_PORT)"
note "   TWILIO_SEND_RATE_PER_SECOND=100000: the bench measures the bot, not Twilio's per-sender rate limit"
# the embedded PostgreSQL is daemonised by pg_ctl, so it is found by its data folder, not as a child
BENCH_DATA_ABS=$(realpath -m "${BENCH_DATA_DIR:-target/bench-data}")
if [ "${KEEP_DATA:-0}" != 1 ]; then
  rm -rf "$BENCH_DATA_ABS"
fi
# shellcheck disable=SC2086
env SERVER_PORT="$PORT" \
  TWILIO_ACCOUNT_SID="$ACCOUNT_SID" \
  TWILIO_AUTH_TOKEN="$TOKEN" \
  TWILIO_WHATSAPP_FROM="$BOT_NUMBER" \
  TWILIO_API_BASE_URL="http://127.0.0.1:$STANDIN_PORT" \
  PUBLIC_BASE_URL="$PUBLIC_BASE_URL" \
  TWILIO_SEND_RATE_PER_SECOND=100000 \
  SHISHA_NUDGE_EVERY_SECONDS=0 \
  SHISHA_DATA_DIR="${BENCH_DATA_DIR:-target/bench-data}" \
  java ${APP_JAVA_OPTS--Xmx512m} -jar "$APP_JAR" > "$OUT/app.log" 2>&1 &
APP_PID=$!
t0=$(date +%s)
if ! "${DRIVER[@]}" wait --target "$TARGET" --path /ping --timeout-s "$STARTUP_TIMEOUT_S" --pid "$APP_PID"; then
  note "SHISHA failed to start (no 200 from GET /ping; timeout ${STARTUP_TIMEOUT_S} s); last lines of bench/results/app.log:"
  tail -40 "$OUT/app.log" || true
  exit 1
fi
note "SHISHA up after $(( $(date +%s) - t0 )) s, pid $APP_PID"
# the figures depend a lot on whether each commit waits for the disk (SHISHA_EMBEDDED_FSYNC, default true)
note "embedded PostgreSQL: $(grep -o -m1 'commits NOT flushed to disk\|commits flushed to disk' "$OUT/app.log" || echo 'external (DATABASE_URL)')"
snap app-proc-start "$APP_PID" "$BENCH_DATA_ABS"

WEBHOOK=(webhook --target "$TARGET" --path /webhooks/twilio/messaging --token "$TOKEN" --sign-base "$PUBLIC_BASE_URL"
         --account-sid "$ACCOUNT_SID" --to "$BOT_NUMBER" --standin-port "$STANDIN_PORT" --c "$C")

# The JVM's JIT keeps compiling for tens of thousands of turns on 2 cores (C2 alone took ~1 ms of CPU per
# turn after 20,000 turns); WARM_N gives both bots the same, longer warm-up. It runs both measured modes: a
# burst acknowledged before its turns (gate ack) takes code paths a paced run never does (a backlog: drains
# of many messages, claims by the sender, the sweep), which the JIT then compiles during the measured run.
WARM_N=${WARM_N:-10000}
note "== warm-up (not reported): baseline n=$((WARM_N * 2)), webhook n=$WARM_N s=1000 (gate reply), webhook n=$N s=$S (gate ack)"
quiet app-warmup-baseline warmup-baseline.txt baseline --target "$TARGET" --path /ping --n $((WARM_N * 2)) --c "$C"
quiet app-warmup-webhook warmup-webhook.txt "${WEBHOOK[@]}" --n "$WARM_N" --s 1000 --gate reply
quiet app-warmup-webhook-ack warmup-webhook-ack.txt "${WEBHOOK[@]}" --n "$N" --s "$S" --gate ack
snap app-proc-warm "$APP_PID" "$BENCH_DATA_ABS"

note "== baseline: GET /ping n=$BASE_N c=$C"
run app-baseline baseline.txt baseline --target "$TARGET" --path /ping --n "$BASE_N" --c "$C"
snap app-proc-baseline "$APP_PID" "$BENCH_DATA_ABS"

note "== webhook: n=$N c=$C s=$S gate=ack"
run app-webhook-ack webhook-ack.txt "${WEBHOOK[@]}" --n "$N" --s "$S" --gate ack --show-conversation
snap app-proc-ack "$APP_PID" "$BENCH_DATA_ABS"

note "== webhook: n=$N c=$C s=$S gate=reply"
run app-webhook-reply webhook-reply.txt "${WEBHOOK[@]}" --n "$N" --s "$S" --gate reply
snap app-proc-reply "$APP_PID" "$BENCH_DATA_ABS"

alive "$APP_PID" || note "WARNING: SHISHA exited during the bench (see bench/results/app.log)"
stop_tree "$APP_PID" "SHISHA"
APP_PID=""

# ------------------------------------------------------------------ peer (optional)
peer_dir() { # prints the directory to run the peer from, installing its node_modules if needed
  if [ -d "$PEER_SRC/node_modules" ]; then
    echo "$PEER_SRC"
    return 0
  fi
  # Install into a private copy outside the repository: shared/ is laid without write bits, and
  # peer code must never end up in this repository.
  if [ ! -d "$PEER_WORKDIR/node_modules" ] || ! cmp -s "$PEER_SRC/package-lock.json" "$PEER_WORKDIR/package-lock.json"; then
    rm -rf "$PEER_WORKDIR"
    mkdir -p "$PEER_WORKDIR"
    cp -r "$PEER_SRC/." "$PEER_WORKDIR/"
    chmod -R u+w "$PEER_WORKDIR"
    (cd "$PEER_WORKDIR" && npm ci --no-audit --no-fund) >&2
  fi
  echo "$PEER_WORKDIR"
}

if [ "$PEER" = 1 ]; then
  if [ ! -f "$PEER_SRC/index.js" ]; then
    note "PEER=1 but $PEER_SRC/index.js does not exist; peer skipped"
  else
    PDIR=$(peer_dir 2> "$OUT/peer-npm.log") || { note "peer install failed (see bench/results/peer-npm.log)"; exit 1; }
    note "== peer: Bot Framework (Node), $PEER_SRC, run from $PDIR"
    require_free "$PEER_PORT" "peer" PEER_PORT
    require_free "$STANDIN_PORT" "Twilio stand-in" STANDIN_PORT
    (cd "$PDIR" && exec env PORT="$PEER_PORT" TWILIO_AUTH_TOKEN="$TOKEN" PUBLIC_BASE_URL="$PUBLIC_BASE_URL" \
       TWILIO_API_BASE_URL="http://127.0.0.1:$STANDIN_PORT" node index.js) > "$OUT/peer.log" 2>&1 &
    PEER_PID=$!
    PTARGET=http://127.0.0.1:$PEER_PORT
    if ! "${DRIVER[@]}" wait --target "$PTARGET" --path /health --timeout-s 60 --pid "$PEER_PID"; then
      note "peer failed to start; last lines of bench/results/peer.log:"
      tail -20 "$OUT/peer.log" || true
      exit 1
    fi
    snap peer-proc-start "$PEER_PID"
    PWEBHOOK=(webhook --target "$PTARGET" --path /webhooks/twilio/messaging --token "$TOKEN" --sign-base "$PUBLIC_BASE_URL"
              --account-sid "$ACCOUNT_SID" --to "$BOT_NUMBER" --standin-port "$STANDIN_PORT" --c "$C")
    note "== peer warm-up (not reported): baseline n=$((WARM_N * 2)), webhook n=$WARM_N s=1000, webhook n=$N s=$S"
    quiet peer-warmup-baseline peer-warmup-baseline.txt baseline --target "$PTARGET" --path /health --n $((WARM_N * 2)) --c "$C"
    quiet peer-warmup-webhook peer-warmup-webhook.txt "${PWEBHOOK[@]}" --n "$WARM_N" --s 1000 --gate ack
    # the same second warm-up as SHISHA's (for the peer both gates are one mode: it acks after its reply)
    quiet peer-warmup-webhook-2 peer-warmup-webhook-2.txt "${PWEBHOOK[@]}" --n "$N" --s "$S" --gate ack
    snap peer-proc-warm "$PEER_PID"
    note "== peer baseline: GET /health n=$BASE_N c=$C"
    run peer-baseline peer-baseline.txt baseline --target "$PTARGET" --path /health --n "$BASE_N" --c "$C"
    snap peer-proc-baseline "$PEER_PID"
    note "== peer webhook: n=$N c=$C s=$S gate=ack (the peer acks after its reply, so this equals gate=reply)"
    run peer-webhook-ack peer-webhook-ack.txt "${PWEBHOOK[@]}" --n "$N" --s "$S" --gate ack --show-conversation
    snap peer-proc-ack "$PEER_PID"
    stop_tree "$PEER_PID" "peer"
    PEER_PID=""
  fi
fi

# ------------------------------------------------------------------ summary
set +e
"${DRIVER[@]}" report --json-in "$JSONL" --summary-out "$OUT/summary.txt"
rc=$?
set -e
note "raw outputs: bench/results/ (results.jsonl holds every JSON line)"
exit "$rc"
