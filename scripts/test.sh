#!/usr/bin/env bash
# Runs every test of the solution.
#
# The tests use real parts, not mocks: a redis-server each Redis test fixture starts on a free loopback
# port, SQLite files, loopback sockets to the switch simulators, and Debian's Chromium driven by
# Playwright. On a bare machine (only the .NET SDK) this script installs what is missing first.
#
#   scripts/test.sh                  build and run everything
#   scripts/test.sh --filter EXPR    pass a test filter to dotnet test (e.g. FullyQualifiedName~Ami)
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]} (Debian packages)"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

dotnet tool restore >/dev/null
dotnet build Orchestrator.sln -nologo -clp:ErrorsOnly
dotnet test Orchestrator.sln --no-build -nologo "$@"
