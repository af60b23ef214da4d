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
trap 'rm -f "$log"' EXIT
set +e
dotnet test Engagement.sln --configuration Release --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
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
exit "$status"
