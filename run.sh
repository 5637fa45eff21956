#!/usr/bin/env bash
# Runs the whole product locally: an embedded PostgreSQL (data kept in ./data), command-service,
# query-service and the web pages, with the 2013 and 2014 editions loaded on the first start.
# Ctrl-C stops everything.
# Options: --db jdbc:postgresql://host/db [--db-user U --db-password P] to use an external PostgreSQL.
#          --backup FILE takes a consistent backup of the running (or kept) installation;
#          --restore FILE [--force] builds a fresh ./data from one (README, "Backup and restore").
set -euo pipefail
cd "$(dirname "$0")"

stale() {
  # True when a module's executable jar is missing or older than any of its sources.
  local jar
  jar=$(ls "$1"/target/*-exec.jar 2>/dev/null | head -n 1)
  [ -z "$jar" ] && return 0
  [ -n "$(find "$1"/src "$1"/pom.xml shared-events/src service-support/src -newer "$jar" -print -quit 2>/dev/null)" ]
}

if stale command-service || stale query-service || stale web || stale launcher; then
  echo "[barometer] Building (first run or changed sources)…"
  ./mvnw -q -B -DskipTests package
fi

exec java -jar "$(ls launcher/target/*-exec.jar | head -n 1)" run "$@"
