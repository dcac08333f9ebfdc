#!/usr/bin/env bash
# Regenerates the initial metadata migrations of both providers from the current EF model.
# Usage: tools/migrations.sh [MigrationName]   (default: recreate InitialCreate before the first release)
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:-InitialCreate}
if [ "$name" = InitialCreate ]; then rm -rf src/Cairn.Storage/Migrations/Sqlite src/Cairn.Storage/Migrations/Postgres; fi
dotnet build tools/Cairn.MigrationsTool -v q -nologo >/dev/null
for provider in sqlite postgres; do
  dotnet run --no-build --project tools/Cairn.MigrationsTool -- "$provider" "$name"
done
