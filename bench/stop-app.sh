# Sourced by the benchmark scripts: stops the SHISHA they started (TERM, up to 30 s to drain and stop its embedded
# servers, then KILL) when the script exits, however it exits. Set APP_PID once the app is started.
APP_PID=""
stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID"
    for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$APP_PID" 2>/dev/null || true
  fi
}
trap stop_app EXIT
