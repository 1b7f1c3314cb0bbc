#!/usr/bin/env bash
# Adds an EF Core migration of the same name to both migrations assemblies:
# src/Orchestrator.Data.Sqlite (embedded default) and src/Orchestrator.Data.SqlServer (production).
# Usage: scripts/add-migration.sh AddLeadPriority
set -euo pipefail

name="${1:?usage: scripts/add-migration.sh MigrationName}"
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null

add() {
  local project="src/Orchestrator.Data.$1"
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" \
    --context OrchestratorDbContext --output-dir Migrations
}

add Sqlite
if ! add SqlServer; then
  # Keep the two assemblies in step: undo the SQLite half.
  echo "SQL Server migration failed; removing the SQLite one." >&2
  dotnet ef migrations remove --project src/Orchestrator.Data.Sqlite --startup-project src/Orchestrator.Data.Sqlite \
    --context OrchestratorDbContext --force >&2
  exit 1
fi

echo "Added '$name' to both providers. Run: dotnet test tests/Orchestrator.Data.Tests"
