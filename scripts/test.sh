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

dotnet test Engagement.sln --configuration Release --nologo "$@"
