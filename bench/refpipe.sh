#!/usr/bin/env bash
# Affectra against a bare pipeline of the same face models, back to back in one run: the bare pipeline (bench/refpipe/:
# ONNX Runtime's Java API, no DJL, no Quarkus, no HTTP, no database) at 1 and 2 workers, with both BlazeFace detectors
# as Affectra runs them and with the long-range one alone; then Affectra on the embedded defaults with body language
# off, driven by bench/ImageLoad.java at 1 and 2 clients (after a check that both find the same faces with the same
# boxes and expression probabilities), then with body language on. Writes the figures and their ratios, with the
# machine and its load, to bench/results/refpipe.md; anything below the notes marker in that file is kept.
#   bench/refpipe.sh [SECONDS] [REQUESTS]        bare seconds per level (default 8), requests per Affectra level (80)
#   REFPIPE_BASELINE=<commit> bench/refpipe.sh    also runs that commit's build (made once under target/baselines/)
#                                                faces only, right after this checkout's, for a before/after ratio
#   bench/refpipe.sh batch                       per-item inference time of each model at batch 1, 2, 3, 4, 8 (whether
#                                                batching crops of several requests would pay here)
#   bench/refpipe.sh profile [REQUESTS]          JFR CPU-time profiles of Affectra faces only at 1 client (300 requests)
#                                                and of the bare pipeline at 1 worker, and the CPU per image by category
# Extra server JVM options: AFFECTRA_JAVA_OPTS. About 1.5 minutes on 2 cores (a baseline adds its build once, then 20 s).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=run
if [ "${1:-}" = profile ] || [ "${1:-}" = batch ]; then mode="$1"; shift; fi
seconds="${1:-8}"
requests="${2:-80}"
[ "$mode" = profile ] && requests="${1:-300}"
port="${AFFECTRA_BENCH_PORT:-18082}"
image=src/test/resources/media/sample1.jpg
results=bench/results/refpipe.md
marker='<!-- notes below are kept by bench/refpipe.sh -->'

source <(sed -n '/^java_major()/p; /^find_jdk()/,/^}/p' bin/affectra)
find_jdk
if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ -n "$(find src prompts pom.xml -newer target/quarkus-app/quarkus-run.jar -print -quit)" ]; then
  ./mvnw -B -q package -DskipTests
fi
source bench/embedded-server.sh
source bench/baseline-build.sh
baseline=""
[ -z "${REFPIPE_BASELINE:-}" ] || build_baseline "$REFPIPE_BASELINE"
lib=target/quarkus-app/lib/main
cp="$(ls "$lib"/com.microsoft.onnxruntime.onnxruntime-*.jar "$lib"/org.bytedeco.*.jar | tr '\n' ':')"
classes=target/refpipe/classes
if [ ! -f "$classes/RefPipe.class" ] || [ -n "$(find bench/refpipe -name '*.java' -newer "$classes/RefPipe.class")" ]; then
  mkdir -p "$classes"
  "$JAVA_HOME/bin/javac" -d "$classes" -cp "$cp" bench/refpipe/*.java
fi
refpipe() { "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$classes:$cp" RefPipe --image "$image" "$@"; }

stop_server() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$data"; trap - EXIT; }
drive() { "$JAVA_HOME/bin/java" bench/ImageLoad.java --url "http://127.0.0.1:$port" --image "$image" --warmup 15 "$@"; }
# images/s of a level from either program's output: "workers 2: 20.1 images/s" or "concurrency 2: 11.3 images/s".
rate() { awk -v l="$2" '($1 == "workers" || $1 == "concurrency") && $2 == l":" { print $3 }' "$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "n/a"; else printf "%.2f", a / b }'; }

work="$(mktemp -d)"
mkdir -p target/refpipe

if [ "$mode" = batch ]; then
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$classes:$cp" BatchSizes --image "$image"
  rm -rf "$work"
  exit 0
fi

if [ "$mode" = profile ]; then
  # JDK 25's CPU-time sampler (every 10 ms of each thread's CPU, native code included), deep stacks.
  record="settings=profile,jdk.CPUTimeSample#enabled=true"
  affectra_jfr="$PWD/target/refpipe/affectra.jfr"
  bare_jfr="$PWD/target/refpipe/bare.jfr"
  start_embedded_server -Daffectra.encoders.body.enabled=false -XX:FlightRecorderOptions:stackdepth=256 \
    -XX:StartFlightRecording="$record,filename=$affectra_jfr" ${AFFECTRA_JAVA_OPTS:-}
  drive --levels 1 --requests "$requests" | tee "$work/faces.txt"
  stop_server   # the recording is written as the server exits
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -XX:FlightRecorderOptions:stackdepth=256 \
    -XX:StartFlightRecording="$record,filename=$bare_jfr" -cp "$classes:$cp" RefPipe --image "$image" \
    --workers 1 --seconds 20 --warmup 10 | tee "$work/bare.txt"
  bare_images=$(( 11 + $(grep -o '([0-9]* images in' "$work/bare.txt" | grep -o '[0-9]*') ))
  "$JAVA_HOME/bin/java" -cp "$classes" ProfileBreakdown "$affectra_jfr:AnalysisService.analyze:$(( requests + 15 ))" \
    "$bare_jfr:Pipeline.run:$bare_images"
  echo "recordings: $affectra_jfr $bare_jfr (jfr view cpu-time-hot-methods FILE, jfr print --events jdk.CPUTimeSample FILE)"
  rm -rf "$work"
  exit 0
fi

source bench/phase-load.sh
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
phase "bare, both detectors"
refpipe --workers 1,2 --seconds "$seconds" --warmup 10 | tee "$work/bare.txt"
phase "bare, back only"
refpipe --workers 1,2 --seconds "$seconds" --warmup 10 --front false | tee "$work/bare-back.txt"

phase "Affectra faces only"
start_embedded_server -Daffectra.encoders.body.enabled=false ${AFFECTRA_JAVA_OPTS:-}
curl -sf -F "media=@$image;type=image/jpeg" "http://127.0.0.1:$port/v1/emotion/analyze" > "$work/response.json"
check=ok
refpipe --compare "$work/response.json" > "$work/check.txt" || check=failed
refpipe --compare "$work/response.json" --front false >> "$work/check.txt" || true
cat "$work/check.txt"
drive --levels 1,2 --requests "$requests" | tee "$work/faces.txt"
stop_server

if [ -n "$baseline" ]; then
  phase "baseline $baseline faces only"
  AFFECTRA_BENCH_JAR="$baseline_jar" start_embedded_server -Daffectra.encoders.body.enabled=false ${AFFECTRA_JAVA_OPTS:-}
  drive --levels 1,2 --requests "$requests" | tee "$work/baseline.txt"
  stop_server
fi

phase "Affectra faces + body"
start_embedded_server ${AFFECTRA_JAVA_OPTS:-}
drive --levels 1,2 --requests "$requests" | tee "$work/body.txt"
stop_server
phase ""
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench ':!bench/results' || echo ' (with uncommitted changes)')"
notes=""
[ -f "$results" ] && notes="$(awk -v m="$marker" 'kept || $0 == m { kept = 1; print }' "$results")"
{
  echo "# Affectra against a bare pipeline of the same models"
  echo
  echo "Run: \`bench/refpipe.sh $seconds $requests\` on $(date -u +%Y-%m-%d) at commit $commit."
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB RAM, JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1)."
  echo "Load average (1, 5, 15 min) before the run: $load_before; after: $load_after (other work on the same cores inflates every figure)."
  echo "Cores taken by other work during each phase (0 on a quiet machine, up to $(nproc)): $loads."
  echo "Image: $image ($(wc -c < "$image") bytes, three faces); bare: $seconds s per level after 10 warm-up images per worker; Affectra: $requests requests per level after 15 warm-up, embedded defaults (local backend, H2)."
  echo
  echo "| images/s | 1 | 2 |"
  echo "|---|---|---|"
  echo "| bare, both detectors (Affectra's model work) | $(rate "$work/bare.txt" 1) | $(rate "$work/bare.txt" 2) |"
  echo "| bare, BlazeFace back only | $(rate "$work/bare-back.txt" 1) | $(rate "$work/bare-back.txt" 2) |"
  echo "| Affectra, body language off (faces only) | $(rate "$work/faces.txt" 1) | $(rate "$work/faces.txt" 2) |"
  echo "| Affectra, body language on (faces + body) | $(rate "$work/body.txt" 1) | $(rate "$work/body.txt" 2) |"
  [ -z "$baseline" ] || echo "| baseline $baseline, body language off (faces only) | $(rate "$work/baseline.txt" 1) | $(rate "$work/baseline.txt" 2) |"
  echo
  echo "1 and 2 are workers for the bare pipeline, concurrent HTTP clients for Affectra (decode, HTTP upload, reasoning and the H2 insert included)."
  echo
  echo "| ratio | 1 | 2 |"
  echo "|---|---|---|"
  echo "| Affectra faces only / bare, both detectors | $(ratio "$(rate "$work/faces.txt" 1)" "$(rate "$work/bare.txt" 1)") | $(ratio "$(rate "$work/faces.txt" 2)" "$(rate "$work/bare.txt" 2)") |"
  echo "| Affectra faces only / bare, back only | $(ratio "$(rate "$work/faces.txt" 1)" "$(rate "$work/bare-back.txt" 1)") | $(ratio "$(rate "$work/faces.txt" 2)" "$(rate "$work/bare-back.txt" 2)") |"
  echo "| Affectra faces + body / faces only | $(ratio "$(rate "$work/body.txt" 1)" "$(rate "$work/faces.txt" 1)") | $(ratio "$(rate "$work/body.txt" 2)" "$(rate "$work/faces.txt" 2)") |"
  if [ -n "$baseline" ]; then
    echo "| Affectra faces only / baseline $baseline faces only | $(ratio "$(rate "$work/faces.txt" 1)" "$(rate "$work/baseline.txt" 1)") | $(ratio "$(rate "$work/faces.txt" 2)" "$(rate "$work/baseline.txt" 2)") |"
    echo "| baseline $baseline faces only / bare, both detectors | $(ratio "$(rate "$work/baseline.txt" 1)" "$(rate "$work/bare.txt" 1)") | $(ratio "$(rate "$work/baseline.txt" 2)" "$(rate "$work/bare.txt" 2)") |"
  fi
  echo
  echo "Face check against Affectra's response ($check):"
  echo '```'
  cat "$work/check.txt"
  echo '```'
  echo
  echo "Bare pipeline, both detectors:"
  echo '```'
  cat "$work/bare.txt"
  echo '```'
  echo "Bare pipeline, BlazeFace back only:"
  echo '```'
  cat "$work/bare-back.txt"
  echo '```'
  echo "Affectra, body language off (\`-Daffectra.encoders.body.enabled=false\`):"
  echo '```'
  cat "$work/faces.txt"
  echo '```'
  if [ -n "$baseline" ]; then
    echo "Baseline $baseline ($(git log -1 --format=%s "$baseline" | cut -c1-100)...), body language off:"
    echo '```'
    cat "$work/baseline.txt"
    echo '```'
  fi
  echo "Affectra, body language on:"
  echo '```'
  cat "$work/body.txt"
  echo '```'
  echo
  if [ -n "$notes" ]; then echo "$notes"; else echo "$marker"; fi
} > "$results"
rm -rf "$work"
echo "written $results"
[ "$check" = ok ]
