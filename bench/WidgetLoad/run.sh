#!/usr/bin/env bash
# The issue-5 measurement runs of the widget endpoint (docs/performance.md). Each run is bounded by `timeout`; together
# they take about five minutes. Run them on a quiet machine: the tables report other processes' CPU for that reason.
set -euo pipefail
cd "$(dirname "$0")/../.."
# A constant-rate run keeps one connection per request in flight (up to --max-connections, 4,096), and each server holds
# the other side: raise the soft limit on open files to the hard one.
ulimit -n "$(ulimit -Hn)"
echo "ulimit -n: $(ulimit -n)"
# Builds the platform's Release host too (a project reference), which the tool starts as a separate process.
dotnet build -c Release bench/WidgetLoad -v q -nologo
# A failed scenario does not stop the next one; the script's status says whether any failed.
status=0
run() { local bound=$1; shift; timeout "$bound" dotnet run -c Release --no-build --project bench/WidgetLoad -- "$@" || status=$?; }
# 1 and 2: maximum throughput, real and bare, 128 connections (where the real endpoint peaked in a sweep of 16 to 256:
# --mode real --sweep 16,32,64,128,256); then both at half the real maximum, at a constant arrival rate.
run 180 --scenario capacity --connections 128 --seconds 10 --warmup-seconds 10 --latency-seconds 10
# 3: 20 legitimate clients at half a 60/min per-client limit, with and without one abusive client at 10 times it, 90 s
# each; then the server's CPU per request over only-rejected and only-acknowledged requests at 1,000 a second.
run 360 --scenario limits --limit-per-minute 60 --legit-clients 20 --legit-share 0.5 --abuse-factor 10 --fair-seconds 90 --cost-rate 1000 --cost-seconds 10
exit "$status"
