#!/usr/bin/env bash
# The issue-4 measurement runs (docs/performance.md, "Live results (issue 4)"). Each run is bounded by `timeout`.
set -euo pipefail
cd "$(dirname "$0")/../.."
# Each process holds one descriptor per connection (the tool its clients, each server its side): raise the soft limit to the hard one.
ulimit -n "$(ulimit -Hn)"
echo "ulimit -n: $(ulimit -n)"
dotnet build -c Release bench/LiveLoad -v q -nologo
run() { timeout 900 dotnet run -c Release --no-build --project bench/LiveLoad -- "$@"; }
run --connections 5000 --votes-per-second 1000 --seconds 20 --mode both
run --connections 10000 --votes-per-second 1000 --seconds 20 --mode both
run --connections 5000 --votes-per-second 1000 --seconds 80 --mode app
run --connections 5000 --votes-per-second 1000 --seconds 80 --stall-fraction 0.1 --stall-seconds 60 --mode app
