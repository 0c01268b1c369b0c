#!/usr/bin/env bash
# Image-pipeline benchmark: builds the server, starts it on the embedded defaults (local backend, H2),
# drives POST /v1/emotion/analyze at 1..N concurrent clients, prints the figures and writes them with
# the machine's description to bench/results/image-pipeline.md.
#   bench/image-pipeline.sh [LEVELS] [REQUESTS]      e.g. bench/image-pipeline.sh 1,2,4 60
set -euo pipefail
cd "$(dirname "$0")/.."
levels="${1:-1,2,4}"
requests="${2:-60}"
port="${AFFECTRA_BENCH_PORT:-18080}"

source bench/embedded-server.sh
start_embedded_server

out="$(mktemp)"
"$JAVA_HOME/bin/java" bench/ImageLoad.java --url "http://127.0.0.1:$port" --image examples/friends.jpg \
  --levels "$levels" --requests "$requests" | tee "$out"

{
  echo "# Image pipeline benchmark"
  echo
  echo "Run: \`bench/image-pipeline.sh $levels $requests\` on $(date -u +%Y-%m-%d)."
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB RAM, JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1); load average when written: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the same cores inflates every figure)."
  echo "Server: embedded defaults (local backend, H2), encoders pool size and threads at their defaults."
  echo
  echo '```'
  cat "$out"
  echo '```'
} > bench/results/image-pipeline.md
rm -f "$out"
echo "written bench/results/image-pipeline.md"
