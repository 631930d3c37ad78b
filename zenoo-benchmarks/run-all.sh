#!/usr/bin/env bash
# Runs every benchmark of issue 8 and rewrites docs/performance.md and docs/performance-latency.png.
#
#   ./zenoo-benchmarks/run-all.sh [JMH options or a benchmark regex...]
#
# Environment (defaults give about 27 minutes on 2 cores):
#   BENCH_FORKS (3)  BENCH_WARMUP, BENCH_ITERATIONS, BENCH_TIME (iterations and seconds per iteration; unset: each
#   benchmark's own, from its annotations, which give it the warm-up it needs)
#   BENCH_WRK_SECONDS (10 per endpoint)  BENCH_SKIP_BUILD (set to 1 to reuse the jars already built)
# Uses the Redis on 127.0.0.1:6379 when one answers (else a private redis-server), and wrk (installed with apt-get
# when missing and run as root).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

forks="${BENCH_FORKS:-3}"
iteration_args=()
[ -n "${BENCH_WARMUP:-}" ] && iteration_args+=(-wi "$BENCH_WARMUP")
[ -n "${BENCH_ITERATIONS:-}" ] && iteration_args+=(-i "$BENCH_ITERATIONS")
[ -n "${BENCH_TIME:-}" ] && iteration_args+=(-w "${BENCH_TIME}s" -r "${BENCH_TIME}s")
wrk_seconds="${BENCH_WRK_SECONDS:-10}"

if ! command -v wrk >/dev/null 2>&1; then
	if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
		echo "wrk is missing: installing it with apt-get"
		apt-get install -y wrk || { apt-get update && apt-get install -y wrk; }
	else
		echo "ERROR: wrk is not installed and this is not root with apt-get: install wrk (apt-get install -y wrk)" >&2
		exit 1
	fi
fi

if [ "${BENCH_SKIP_BUILD:-0}" != "1" ]; then
	./mvnw -q -pl zenoo-sample-app,zenoo-benchmarks -am -DskipTests package
fi

sample_app="$(ls zenoo-sample-app/target/zenoo-sample-app-*.jar | grep -v '\.original$' | head -n 1)"

java -jar zenoo-benchmarks/target/zenoo-benchmarks.jar \
	--report docs --sample-app "$sample_app" --wrk-seconds "$wrk_seconds" \
	-f "$forks" ${iteration_args[@]+"${iteration_args[@]}"} -prof gc "$@"
