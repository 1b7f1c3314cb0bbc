#!/usr/bin/env bash
# Wire benchmarks of the AMI path (docs/performance.md): builds src/Orchestrator.Benchmarks in Release and runs
# AMI frame parsing, originate round trips and answer-to-bridge latency under load, ending with the plain table
# (figure | value | unit | target | met?). The full run takes about 20 minutes; the whole output is also kept in
# artifacts/bench-wire/<UTC time>.log.
#
#   scripts/bench-wire.sh                 all benchmarks, full length
#   scripts/bench-wire.sh --quick         all benchmarks, short runs (a smoke test: figures not to be quoted)
#   scripts/bench-wire.sh latency         one of: parse | roundtrip | latency | all
#   scripts/bench-wire.sh latency --in-process
#                                         the latency benchmark with the simulator inside the benchmark's process
#                                         (by default it runs in a child process of its own, as Asterisk would)
#
# Figures depend on the machine and on what else runs on it: the output starts and ends with the core count,
# CPU model, .NET version and load average. Run it on an otherwise idle machine for figures worth comparing.
set -euo pipefail
cd "$(dirname "$0")/.."

project=src/Orchestrator.Benchmarks
logs=artifacts/bench-wire
mkdir -p "$logs"
log="$logs/$(date -u +%Y%m%dT%H%M%SZ).log"

dotnet build "$project" -c Release -nologo -clp:ErrorsOnly
dotnet run -c Release --no-build --project "$project" -- "$@" 2>&1 | tee "$log"
echo "log: $log"
