#!/usr/bin/env bash
# Runs Outbound Orchestrator on the embedded default and dials a demo campaign:
#   SQLite file under ./data, in-memory live state, the built-in Asterisk simulator reached over a real AMI
#   socket, 2,000 seeded leads and 10 simulated agents, and the live wallboard in your browser.
# It prints the web address at start and a summary table (dials, answers, connects, abandons, abandon %,
# agent occupancy, dispositions) when it stops: after --minutes N, or on Ctrl+C.
#
#   scripts/demo.sh                 run until Ctrl+C
#   scripts/demo.sh --minutes 2     run two minutes, then stop by itself
#   scripts/demo.sh --port 5090     serve the wallboard on another port (default 5080)
#   scripts/demo.sh --keep-data     keep ./data from the last run (the default starts from a fresh database)
set -euo pipefail
cd "$(dirname "$0")/.."

minutes=0
port=5080
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes="${2:?--minutes needs a number}"; shift 2 ;;
    --minutes=*) minutes="${1#*=}"; shift ;;
    --port) port="${2:?--port needs a number}"; shift 2 ;;
    --port=*) port="${1#*=}"; shift ;;
    --keep-data) keep=1; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "demo.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
done
case "$minutes" in ''|*[!0-9]*) echo "demo.sh: --minutes takes a whole number" >&2; exit 2 ;; esac

data="$PWD/data"
mkdir -p "$data"
if [ "$keep" -eq 0 ]; then
  rm -f "$data"/orchestrator.db "$data"/orchestrator.db-shm "$data"/orchestrator.db-wal
fi

echo "demo.sh: building (Release)…"
dotnet build src/Orchestrator.Host -c Release -nologo -clp:ErrorsOnly -v quiet

exec dotnet run --project src/Orchestrator.Host -c Release --no-build -- \
  --Urls="http://127.0.0.1:$port" \
  --Database:ConnectionString="Data Source=$data/orchestrator.db" \
  --Demo:Enabled=true \
  --Demo:RunMinutes="$minutes"
