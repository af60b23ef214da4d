#!/usr/bin/env bash
# Runs every test of the solution. Installs first whatever the tests need that this machine lacks
# (scripts/install-test-deps.sh), so it works on a fresh Debian machine with the .NET 10 SDK.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required (dotnet was not found on PATH)." >&2
  exit 1
fi

bash scripts/install-test-deps.sh

log=$(mktemp)
redis_dir=$(mktemp -d)
stop_redis() {
  if [ -s "$redis_dir/redis.pid" ]; then
    kill "$(cat "$redis_dir/redis.pid")" 2>/dev/null || true
    # Return only once it has gone, so nothing outlives the test command.
    wait "$(cat "$redis_dir/redis.pid")" 2>/dev/null || true
  fi
  rm -rf "$redis_dir" "$log"
}
trap stop_redis EXIT

# A private Redis on a free loopback port for the scale-out tests, so they never touch (or need) a shared one.
# Tests read ENGAGEMENT_TEST_REDIS; without it they skip, except under CI=true, where they fail. (The Redis outage drill
# starts, kills and restarts a redis-server of its own instead, so it needs only the program on the PATH.)
start_redis() {
  local port
  for _ in 1 2 3 4 5; do
    # A random high port nothing answers on (bash's /dev/tcp, so no other tool is needed).
    port=$((20000 + RANDOM % 40000))
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then continue; fi
    redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize no \
      --dir "$redis_dir" --pidfile "$redis_dir/redis.pid" --logfile "$redis_dir/redis.log" &
    echo $! >"$redis_dir/redis.pid"
    for _ in $(seq 1 50); do
      if redis-cli -p "$port" ping 2>/dev/null | grep -q PONG; then
        export ENGAGEMENT_TEST_REDIS="127.0.0.1:$port"
        echo "Private Redis for the tests at $ENGAGEMENT_TEST_REDIS"
        return 0
      fi
      kill -0 "$(cat "$redis_dir/redis.pid")" 2>/dev/null || break
      sleep 0.1
    done
    # Another process took the port between the probe and the bind; try another.
    kill "$(cat "$redis_dir/redis.pid")" 2>/dev/null || true
    wait "$(cat "$redis_dir/redis.pid")" 2>/dev/null || true
  done
  echo "Could not start a private redis-server; the Redis tests will skip (or fail under CI=true)." >&2
  tail -5 "$redis_dir/redis.log" >&2 2>/dev/null || true
  return 1
}
if [ -n "${ENGAGEMENT_TEST_REDIS:-}" ]; then
  echo "Using the Redis given in ENGAGEMENT_TEST_REDIS ($ENGAGEMENT_TEST_REDIS)"
elif command -v redis-server >/dev/null 2>&1; then
  start_redis || true
fi
# Every test host appends its log lines here; once the whole suite has run, one more test scans them all for personal
# information (tests/Api.Tests/Hosting/PersonalInformationInLogsTests).
host_log="$redis_dir/host-logs.jsonl"
set +e
ENGAGEMENT_HOST_LOG_FILE="$host_log" dotnet test Engagement.sln --configuration Release --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
if [ -s "$host_log" ]; then
  ENGAGEMENT_SCAN_HOST_LOG="$host_log" dotnet test tests/Api.Tests --configuration Release --no-build --nologo \
    --filter "FullyQualifiedName~PersonalInformationInLogsTests.The_whole_suites_host_logs_hold_no_personal_information" 2>&1 | tee -a "$log"
  scan=${PIPESTATUS[0]}
  [ "$scan" -eq 0 ] || status=$scan
fi
set -e

# One closing line over every test assembly, in the plain "N passed, N failed" form CI reads.
awk '/(Passed|Failed)! +- Failed:/ {
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:")  { f += $(i+1) }
         if ($i == "Passed:")  { p += $(i+1) }
         if ($i == "Skipped:") { s += $(i+1) }
       }
     }
     END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
# A project that does not build runs no tests, so the counts above would not show it.
if grep -q ' error [A-Z]*[0-9]*:' "$log"; then
  echo "Build errors (above): some test projects did not build and ran no tests." >&2
  [ "$status" -ne 0 ] || status=1
fi
exit "$status"
