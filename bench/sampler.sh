#!/usr/bin/env bash
# ImageSampler against the per-pixel arithmetic it replaced, on the model inputs Affectra samples (bench/SamplerBench.java):
# ns per output pixel of each and their ratio, taken in turn in one process. Writes bench/results/sampler.md with the
# machine and its load before and after; anything below the notes marker in that file is kept. Run it under the shared
# lock: flock /tmp/bench.lock bench/sampler.sh
#   bench/sampler.sh [ROUNDS] [MS_PER_ROUND]      default 9 rounds of 100 ms per variant and case (about 40 s)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-9}"
ms="${2:-100}"
source <(sed -n '/^java_major()/p; /^find_jdk()/,/^}/p' bin/affectra)
find_jdk
if [ ! -f target/test-classes/io/affectra/media/geometry/ReferenceImageSampler.class ] \
    || [ -n "$(find src/main/java/io/affectra/media src/test/java/io/affectra/media -newer target/test-classes/io/affectra/media/geometry/ReferenceImageSampler.class -print -quit)" ]; then
  ./mvnw -B -q -o test-compile
fi
results=bench/results/sampler.md
marker='<!-- notes below are kept by bench/sampler.sh -->'
notes=""
[ -f "$results" ] && notes="$(awk -v m="$marker" 'kept || $0 == m { kept = 1; print }' "$results")"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
out="$(mktemp)"
"$JAVA_HOME/bin/java" -cp target/classes:target/test-classes bench/SamplerBench.java "$rounds" "$ms" | tee "$out"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
{
  echo "# ImageSampler: per-column and per-row taps against the per-pixel arithmetic"
  echo
  echo "Run: \`bench/sampler.sh $rounds $ms\` on $(date -u +%Y-%m-%d) at commit $(git rev-parse --short HEAD)."
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1)."
  echo "Load average (1, 5, 15 min) before the run: $load_before; after: $load_after (other work on the same cores inflates every figure; the ratios are taken in turn in one run)."
  echo "Before: the per-pixel arithmetic (src/test/java/io/affectra/media/geometry/ReferenceImageSampler.java); after: ImageSampler. Both give the same floats (checked before timing)."
  echo "Images: src/test/resources/media/sample1.jpg at 1920x1280 (still) and scaled and cropped to 1280x720 (video frame)."
  echo
  cat "$out"
  echo
  if [ -n "$notes" ]; then echo "$notes"; else echo "$marker"; fi
} > "$results"
rm -f "$out"
echo "written $results"
