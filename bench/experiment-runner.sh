#!/usr/bin/env bash
# Experiment-runner benchmark: a zero-latency OpenAI-compatible stub on loopback (bench/ExperimentStub.java) as the
# backends of one server on the embedded defaults (H2), and text-only label experiments (no media, so no encoder runs)
# with the completion cache off: trials/s, wall time and trial latency at concurrency 1 and 16, the runner's overhead
# per trial (wall time per trial at concurrency 1 minus the stub round trip of the same request, timed directly), and
# a 10,000-trial run with the server's live heap after a full GC at its start, after about 1,000 and 5,000 trials, at
# its end and at the end of the same run twice more. Prints the figures and writes them with the machine's description
# to bench/results/experiment-runner.md. About a minute and a half on two cores.
#   bench/experiment-runner.sh [SERIAL] [PARALLEL] [HEAP_CASES]     default: 5000 10000 2500 (x 4 cells = 10,000 trials)
set -euo pipefail
cd "$(dirname "$0")/.."
serial="${1:-5000}"
parallel="${2:-10000}"
heap_cases="${3:-2500}"
port="${AFFECTRA_BENCH_PORT:-38180}"
stub_port="${BENCH_STUB_PORT:-38101}"

source bench/embedded-server.sh
# Figures of a stale jar would not be this checkout's.
if [ -n "$(find src prompts pom.xml -newer target/quarkus-app/quarkus-run.jar -print -quit)" ]; then
  ./mvnw -B -q package -DskipTests
fi
cp="target/quarkus-app/lib/main/*"
work="$(mktemp -d)"
"$JAVA_HOME/bin/javac" -nowarn -cp "$cp" -d "$work/classes" bench/ExperimentStub.java bench/ExperimentBench.java
"$JAVA_HOME/bin/java" -cp "$work/classes:$cp" ExperimentStub "$stub_port" > "$work/stub.log" 2>&1 &
stub=$!
backends=()
args=()
for b in bench1 bench2 bench3 bench4; do
  backends+=("$b")
  args+=("-Daffectra.backends.$b.kind=openai" "-Daffectra.backends.$b.base-url=http://127.0.0.1:$stub_port/v1" "-Daffectra.backends.$b.model=stub-model")
done
start_embedded_server "${args[@]}" ${AFFECTRA_JAVA_OPTS:-}
# embedded-server.sh's trap stops the server; this one stops the stub too.
trap 'kill $stub $server 2>/dev/null; wait $stub $server 2>/dev/null || true; rm -rf "$data" "$work"' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$stub_port/bench/count" >/dev/null && break; sleep 0.2; done

out="$work/out.txt"
"$JAVA_HOME/bin/java" -cp "$work/classes:$cp" ExperimentBench --url "http://127.0.0.1:$port" --stub "http://127.0.0.1:$stub_port" \
  --pid "$server" --jcmd "$JAVA_HOME/bin/jcmd" --backends "$(IFS=,; echo "${backends[*]}")" \
  --serial "$serial" --parallel "$parallel" --heap-cases "$heap_cases" | tee "$out"

commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src prompts pom.xml || echo ' + uncommitted changes')"
{
  echo "# Experiment runner benchmark"
  echo
  echo "Run: \`bench/experiment-runner.sh $serial $parallel $heap_cases\` on $(date -u +%Y-%m-%d), commit $commit."
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB RAM, JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1); load average when written: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the same cores inflates every figure)."
  echo "Server: embedded defaults (H2 under a throwaway data dir), JVM options: ${AFFECTRA_JAVA_OPTS:-none}; backends bench1..bench4 of kind openai on a zero-latency stub on loopback (bench/ExperimentStub.java: one event loop, HTTP/1.1 only as vLLM or llama.cpp speak it; a stub that accepts the JDK client's h2c upgrade would be measured over HTTP/2). The stub, the server and the driver share the machine's cores. The server is warmed up with 2,000-trial runs at concurrency 16 until one leaves its JIT compiling under half a second: before that the compiler threads take a core's worth of CPU from the trials, which doubles the figures at concurrency 1."
  echo
  echo "How the figures are computed: wall time is the experiment's completedAt - createdAt as the server stores them (planning, every trial, the final metrics); trials/s = trials / wall time; trial latency p50/p95 is the experiment view's (each trial's CaseRunner time, whole milliseconds, without its database write). The runner's overhead per trial = wall time per trial at concurrency 1 - the mean stub round trip of the server's own last backend request, sent again directly by the driver (JDK HttpClient, HTTP/1.1, one connection, one after the other, after 5,000 requests to warm the driver's client up; measured before and after the concurrency-1 run). It is everything the server does per trial besides the stub answering: the strategy and prompt rendering, the OpenAI client (LangChain4j) and its JSON, the answer parsing, the trial's row written in its own transaction through the runner's database thread, progress. The live heap is the Total of jcmd GC.class_histogram, which runs a full GC and counts in the same pause (GC.run followed by GC.heap_info would also count what the 16 trials in flight allocate between the two commands)."
  echo
  echo '```'
  cat "$out"
  echo '```'
} > bench/results/experiment-runner.md
echo "written bench/results/experiment-runner.md"
