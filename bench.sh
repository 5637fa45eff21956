#!/usr/bin/env bash
# Measures the product against this machine's limits and writes docs/benchmarks.{json,md}.
# Options: --smoke (tiny, under a minute) --sizes 100000,300000,1000000 --write-seconds 30 --repetitions 20
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -q -B -DskipTests package
exec java -jar "$(ls launcher/target/*-exec.jar | head -n 1)" bench "$@"
