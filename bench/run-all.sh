#!/usr/bin/env bash
# Every benchmark docs/performance.md quotes, one after another on this machine: the one command behind the report.
# About 30 minutes in all (the live-results runs alone take 10); run it on a quiet machine, since every table sets the
# platform beside its reference in the same run and other load skews both sides differently.
# Output: artifacts/bench/<UTC stamp>/ — machine.txt (what it ran on), one log per run, BenchmarkDotNet's reports.
set -euo pipefail
cd "$(dirname "$0")/.."

out="artifacts/bench/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
{
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "kernel: $(uname -srm)"
  echo "processors: $(nproc)"
  grep -m1 'model name' /proc/cpuinfo | sed 's/^model name\s*:\s*/cpu: /' || true
  echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "dotnet: $(dotnet --version)"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out/machine.txt"

dotnet build -c Release bench/Bench -v q -nologo

status=0
# A BenchmarkDotNet selection: its tables go to the terminal, its full reports under $out/bdn.
bdn() {
  local name=$1; shift
  echo "== $name"
  timeout 3600 dotnet run -c Release --no-build --project bench/Bench -- --filter "$@" --artifacts "$out/bdn" >"$out/$name.log" 2>&1 || status=$?
  grep -E '^\|' "$out/$name.log" || true
}
# One of the Bench project's own harnesses (they print their tables).
harness() {
  echo "== $1"
  timeout 1800 dotnet run -c Release --no-build --project bench/Bench -- "$1" >"$out/$1.log" 2>&1 || status=$?
  grep -E '^\||ratio|per second' "$out/$1.log" || true
}

bdn rating-write '*RatingWrite*'
bdn graphql '*ConsultationPage*' '*AbuseRejection*'
bdn screening '*Screening*'
bdn sentiment '*Sentiment*'
bdn aggregates '*Aggregates*'
bdn document-mapping '*DocumentMapping*'
harness sentiment-latency
harness tagging-throughput
harness notifications-throughput

echo "== widget endpoint"
bash bench/WidgetLoad/run.sh >"$out/widget-load.log" 2>&1 || status=$?
grep -E '^\|' "$out/widget-load.log" || true
echo "== live results"
bash bench/LiveLoad/run.sh >"$out/live-load.log" 2>&1 || status=$?
grep -E '^\|' "$out/live-load.log" || true

echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt"
echo "Logs and reports: $out"
exit "$status"
