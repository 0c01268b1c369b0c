#!/usr/bin/env bash
# EmotionHallucer-style benchmark on the offline `local` backend (a deterministic baseline, not an LLM): builds the
# server, starts it on the embedded defaults, runs the built-in knowledge pairs (direct, pep, pep-mek) and perception
# pairs (direct, pep-mek) through the evaluation API with the CLI, and prints the metric tables. The run's JSON goes
# to bench/results/ (knowledge-pairs-local.json, perception-pairs-local.json). The write-up with the figures is
# bench/results/emotionhallucer-local.md.
#   bench/emotionhallucer-local.sh [BACKEND]       e.g. AFFECTRA_BACKENDS_VLLM_KIND=openai ... bench/emotionhallucer-local.sh vllm
set -euo pipefail
cd "$(dirname "$0")/.."
backend="${1:-local}"
port="${AFFECTRA_BENCH_PORT:-18081}"

source bench/embedded-server.sh
start_embedded_server

cli() { "$JAVA_HOME/bin/java" -cp "target/quarkus-app/app/*:target/quarkus-app/lib/main/*" io.affectra.cli.EvalCommand --url "http://127.0.0.1:$port" "$@"; }
mkdir -p bench/results
echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB RAM, JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1)"
cli builtin:knowledge-pairs --backend "$backend" --strategy direct,pep,pep-mek --concurrency 2 --json "bench/results/knowledge-pairs-$backend.json"
cli builtin:perception-pairs --backend "$backend" --strategy direct,pep-mek --concurrency 2 --json "bench/results/perception-pairs-$backend.json"
