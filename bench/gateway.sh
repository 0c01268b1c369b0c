#!/usr/bin/env bash
# Gateway benchmark: a zero-latency OpenAI-compatible stub, then the same chat completions sent directly to the stub,
# through Affectra, through a bare Vert.x proxy (the floor) and through the open-source Portkey gateway, JSON and
# streaming, at each concurrency level. Every figure is the median of REPEATS runs; the targets are measured back to
# back at each level so that they share the machine's conditions. Everything runs on loopback; each run is bounded in
# time. Writes bench/results/gateway.md.
#   bench/gateway.sh [LEVELS] [SECONDS] [REPEATS]        e.g. bench/gateway.sh 1,32,256 5 3
# Then the same at a fixed rate (BENCH_RATE, default 200 requests/s) over 32 connections: the latency added below
# saturation.
# Environment: QUIET_LOAD (default 1.0) and QUIET_WAIT (default 600 s): wait, at most that long, for the 1-minute load
# average to fall under QUIET_LOAD before measuring (the figures record what it was).
set -euo pipefail
cd "$(dirname "$0")/.."
levels="${1:-1,32,256}"
seconds="${2:-5}"
repeats="${3:-3}"
# Ports away from the 8080/18080 family that the other benchmarks and dev servers on this machine use.
stub_port="${BENCH_STUB_PORT:-38001}"
affectra_port="${BENCH_AFFECTRA_PORT:-38080}"
portkey_port="${BENCH_PORTKEY_PORT:-38787}"
bare_port="${BENCH_BARE_PORT:-38090}"

source <(sed -n '/^java_major()/p; /^find_jdk()/,/^}/p' bin/affectra)
find_jdk
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ -n "$(find src prompts pom.xml -newer target/quarkus-app/quarkus-run.jar -print -quit)" ]; then
  ./mvnw -B -q package -DskipTests
fi
if [ ! -d bench/portkey/node_modules/@portkey-ai/gateway ]; then
  (cd bench/portkey && npm ci --no-audit --no-fund --loglevel=error)
fi

work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
cp="target/quarkus-app/lib/main/*"
"$JAVA_HOME/bin/javac" -nowarn -cp "$cp" -d "$work/classes" bench/GatewayStub.java bench/GatewayLoad.java bench/GatewayReport.java bench/BareProxy.java

"$JAVA_HOME/bin/java" -cp "$work/classes:$cp" GatewayStub "$stub_port" > "$work/stub.log" 2>&1 & pids+=($!)
# The floor: a bare Vert.x pass-through proxy (bench/BareProxy.java), what any JVM proxy costs on this machine.
"$JAVA_HOME/bin/java" -cp "$work/classes:$cp" BareProxy "$bare_port" "$stub_port" > "$work/bare.log" 2>&1 & pids+=($!)
# AFFECTRA_JAVA_OPTS: JVM and -D options for the server under test (recorded in the results).
# AFFECTRA_BENCH_JAR: another build of Affectra (an older commit's, made by bench/baseline-build.sh) in place of this checkout's.
"$JAVA_HOME/bin/java" ${AFFECTRA_JAVA_OPTS:-} -Dai.djl.offline=true -Dquarkus.http.port="$affectra_port" -Daffectra.data-dir="$work/data" \
  -Daffectra.backends.bench.kind=openai -Daffectra.backends.bench.base-url="http://127.0.0.1:$stub_port/v1" \
  -Daffectra.backends.bench.model=stub-model -Dquarkus.log.level=WARN \
  -jar "${AFFECTRA_BENCH_JAR:-target/quarkus-app/quarkus-run.jar}" > "$work/affectra.log" 2>&1 & pids+=($!)
(cd bench/portkey && NODE_ENV=production exec node node_modules/@portkey-ai/gateway/build/start-server.js --port="$portkey_port" --headless) \
  > "$work/portkey.log" 2>&1 & pids+=($!)
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$affectra_port/q/health/ready" >/dev/null && curl -s -o /dev/null "http://127.0.0.1:$portkey_port/" && break
  sleep 1
done

load() {
  "$JAVA_HOME/bin/java" -cp "$work/classes:$cp" GatewayLoad "$@" 2>/dev/null | grep '^label='
}
direct=(--url "http://127.0.0.1:$stub_port/v1/chat/completions" --model stub-model --label direct)
affectra=(--url "http://127.0.0.1:$affectra_port/v1/chat/completions" --model bench/stub-model --label affectra)
portkey=(--url "http://127.0.0.1:$portkey_port/v1/chat/completions" --model stub-model --label portkey
  --header "x-portkey-provider:openai" --header "x-portkey-custom-host:http://127.0.0.1:$stub_port/v1"
  --header "authorization:Bearer sk-bench")
bare=(--url "http://127.0.0.1:$bare_port/v1/chat/completions" --model stub-model --label bare)

# Warm-up: the JIT compilers of Affectra (JVM) and Portkey (V8) before anything is measured. The two JVM targets get
# the same: BENCH_WARMUP_ROUNDS rounds (default 4) of BENCH_WARMUP s (default 6) JSON, then as long streaming. On two
# busy cores a single round left Affectra's C2 compiler taking a fifth of a core into the measured runs (the bare proxy
# has far less code to compile); alternating the modes also settles the type profiles that each mode changes.
warm="${BENCH_WARMUP:-6}"
warm_rounds="${BENCH_WARMUP_ROUNDS:-4}"
for _ in $(seq 1 "$warm_rounds"); do
  for target in affectra bare; do
    declare -n args="$target"
    load "${args[@]}" --concurrency 32 --seconds "$warm" --warmup 0 >/dev/null
    load "${args[@]}" --concurrency 32 --seconds "$warm" --warmup 0 --stream true >/dev/null
  done
done
load "${portkey[@]}" --concurrency 32 --seconds 6 --warmup 0 >/dev/null
load "${portkey[@]}" --concurrency 32 --seconds 6 --warmup 0 --stream true >/dev/null

# Four engineers share this machine: wait (bounded) for a quiet moment, and record the load either way.
quiet_load="${QUIET_LOAD:-1.0}"
waited=0
while awk -v l="$(cut -d' ' -f1 /proc/loadavg)" -v q="$quiet_load" 'BEGIN { exit !(l > q) }' && [ "$waited" -lt "${QUIET_WAIT:-600}" ]; do
  sleep 10; waited=$((waited + 10))
done
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
curl -s "http://127.0.0.1:$affectra_port/q/metrics" > "$work/metrics-before.txt"

raw="$work/raw.txt"
started="$(date -u +%H:%M:%S)"
for rep in $(seq 1 "$repeats"); do
  for stream in false true; do
    for c in ${levels//,/ }; do
      for target in direct affectra bare portkey; do
        declare -n args="$target"
        line="$(load "${args[@]}" --concurrency "$c" --seconds "$seconds" --warmup 1 --stream "$stream" || true)"
        echo "rep=$rep $line" | tee -a "$raw"
      done
    done
  done
done
# Open loop: a fixed rate over 32 connections, below every target's capacity.
rate="${BENCH_RATE:-200}"
for rep in $(seq 1 "$repeats"); do
  for stream in false true; do
    for target in direct affectra bare portkey; do
      declare -n args="$target"
      line="$(load "${args[@]}" --concurrency 32 --rate "$rate" --seconds "$seconds" --warmup 1 --stream "$stream" || true)"
      echo "rep=$rep $line" | tee -a "$raw"
    done
  done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
curl -s "http://127.0.0.1:$affectra_port/q/metrics" > "$work/metrics.txt"

{
  echo "# Gateway benchmark"
  echo
  echo "Run: \`bench/gateway.sh $levels $seconds $repeats\` on $(date -u +%Y-%m-%d), $started-$(date -u +%H:%M:%S) UTC, script at commit $(git rev-parse --short HEAD); Affectra: ${AFFECTRA_BENCH_JAR:-the build of this checkout}."
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB RAM,"
  echo "Linux $(uname -r); $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1); Node $(node --version);"
  echo "Portkey gateway $(node -p "require('./bench/portkey/node_modules/@portkey-ai/gateway/package.json').version")"
  echo "with @hono/node-server $(node -p "require('./bench/portkey/node_modules/@hono/node-server/package.json').version") (npm override)."
  echo "Shared machine: 1-minute load average $load_before before measuring (after waiting ${waited} s for < $quiet_load),"
  echo "$load_after after. Stub, Affectra, Portkey and the load generator all run on these same cores."
  echo
  echo "Setup: a zero-latency OpenAI-compatible stub (\`bench/GatewayStub.java\`, Vert.x, one event loop) answers at once"
  echo "with a fixed completion or a fixed stream (role chunk, 5 content chunks, finish chunk, usage chunk, \`[DONE]\`)."
  echo "\`bench/GatewayLoad.java\` (Vert.x, one event loop) keeps C keep-alive connections busy (closed loop: each sends"
  echo "its next request when the last reply has ended), or sends $rate requests/s over 32 connections (open loop), for"
  echo "$seconds s after a 1 s warm-up, $repeats times; figures are medians over the repeats. Latency: request sent"
  echo "(open loop: due) to last byte. TTFB: to the first body chunk"
  echo "(the first SSE event). Affectra is the packaged server on its defaults (auth off) with a pass-through model id"
  echo "\`bench/stub-model\`; Portkey gets \`x-portkey-provider: openai\` and \`x-portkey-custom-host\` pointing at the stub."
  echo "\`bare\` is \`bench/BareProxy.java\`: a Vert.x pass-through proxy with nothing else (no parsing, routing, metrics,"
  echo "retries), on the same transport and event-loop count as Affectra: the floor of what a JVM proxy adds on this machine."
  echo "Added latency = the target's figure minus the direct figure of the same repeat (they run back to back), then the"
  echo "median over repeats. Open loop: request k is due at k / rate, paced by the event loop's microsecond timer."
  echo "Affectra's JVM options: \`${AFFECTRA_JAVA_OPTS:-(defaults)}\`. Warm-up: Affectra and bare each $warm_rounds x ($warm s JSON + $warm s"
  echo "streaming), Portkey 6 s + 6 s, at concurrency 32, before the measured runs."
  "$JAVA_HOME/bin/java" -cp "$work/classes" GatewayReport "$raw" "$work/metrics-before.txt" "$work/metrics.txt"
  echo
  echo "Raw lines (one per run):"
  echo
  echo '```'
  cat "$raw"
  echo '```'
} > "${BENCH_RESULTS:-bench/results/gateway.md}"
echo "written ${BENCH_RESULTS:-bench/results/gateway.md}"
