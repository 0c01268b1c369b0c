#!/usr/bin/env bash
# Temporal-pipeline benchmark: makes 720p clips of real photographs with a spoken track (ffmpeg + espeak-ng, installed
# with apt-get if missing), starts the server on the embedded defaults, analyses each clip at 5 sampled frames/s, and
# prints the real-time factor, the server's peak resident memory and its live heap after a full GC per clip.
# Results with the machine and its load go to bench/results/video-pipeline.md.
#   bench/video-pipeline.sh [SECONDS...]                  default: 60 180
#   VIDEO_BASELINE=<commit> bench/video-pipeline.sh ...   also runs that commit's build (made once under
#                                                         target/baselines/) on the same clips, the two builds taking
#                                                         each clip in turn, and reports the ratio of the real-time
#                                                         factors (medians of VIDEO_REPEATS analyses, default 3)
#   bench/video-pipeline.sh profile [SECONDS]             a JFR CPU-time profile of one clip (default 60 s): CPU per
#                                                         sampled frame by model and stage, against the wall time
set -euo pipefail
cd "$(dirname "$0")/.."
mode=run
if [ "${1:-}" = profile ]; then mode=profile; shift; fi
lengths=("${@:-60 180}"); read -r -a lengths <<< "${lengths[*]}"
[ "$mode" = profile ] && lengths=("${1:-60}")
port="${AFFECTRA_BENCH_PORT:-18081}"
fps=5
command -v ffmpeg >/dev/null && command -v espeak-ng >/dev/null || { apt-get update -qq && apt-get install -y -qq ffmpeg espeak-ng; }

source <(sed -n '/^java_major()/p; /^find_jdk()/,/^}/p' bin/affectra)
find_jdk
if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ -n "$(find src prompts pom.xml -newer target/quarkus-app/quarkus-run.jar -print -quit)" ]; then
  ./mvnw -B -q package -DskipTests
fi
source bench/embedded-server.sh
source bench/baseline-build.sh
source bench/phase-load.sh
baseline=""
[ -z "${VIDEO_BASELINE:-}" ] || build_baseline "$VIDEO_BASELINE"

work="$(mktemp -d)"
media=src/test/resources/media
for s in "${lengths[@]}"; do
  espeak-ng -v en-us -s 150 -w "$work/say.wav" "I can't believe we actually won the final. Honestly, I was really nervous before the match. Thank you all so much for coming."
  ffmpeg -v error -y -stream_loop -1 -i "$work/say.wav" -t "$s" -ar 16000 -ac 1 "$work/audio-$s.wav"
  # The three photographs in turn, 10 s each, with a slow zoom so that every frame differs.
  ffmpeg -v error -y -loop 1 -i $media/sample1.jpg -loop 1 -i $media/sample2.jpg -loop 1 -i $media/sample3.jpg -i "$work/audio-$s.wav" \
    -filter_complex "[0:v]scale=1280:720:force_original_aspect_ratio=increase,crop=1280:720,trim=duration=10,setsar=1[a];[1:v]scale=1280:720:force_original_aspect_ratio=increase,crop=1280:720,trim=duration=10,setsar=1[b];[2:v]scale=1280:720:force_original_aspect_ratio=increase,crop=1280:720,trim=duration=10,setsar=1[c];[a][b][c]concat=n=3:v=1:a=0,loop=-1:size=750,trim=duration=$s,fps=25,format=yuv420p[v]" \
    -map "[v]" -map 3:a -c:v libx264 -preset veryfast -crf 26 -c:a aac -b:a 64k -t "$s" "$work/clip-$s.mp4"
done

analyse() { curl -sf -F "media=@$work/clip-$1.mp4;type=video/mp4" -F "options={\"fps\":$fps}" "http://127.0.0.1:$port/v1/emotion/analyze"; }
stop_server() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$data"; trap - EXIT; }

if [ "$mode" = profile ]; then
  s="${lengths[0]}"
  jfr="$PWD/target/video-profile.jfr"
  start_embedded_server -Daffectra.video.sync-max-duration=30m -XX:FlightRecorderOptions:stackdepth=256 \
    -XX:StartFlightRecording="settings=profile,jdk.CPUTimeSample#enabled=true,filename=$jfr" ${AFFECTRA_JAVA_OPTS:-}
  analyse "$s" > /dev/null   # warm-up: JIT and pools
  from=$(date +%s.%N); analyse "$s" | grep -o '"timings":{[^}]*}'; to=$(date +%s.%N)
  stop_server   # the recording is written as the server exits
  # FFmpeg's own decoding threads are native and not sampled: their CPU is measured apart, as ffmpeg spends it.
  decode_s=$( { /usr/bin/time -f '%U %S' ffmpeg -v error -i "$work/clip-$s.mp4" -an -f null - ; } 2>&1 | awk '{ print $1 + $2 }')
  "$JAVA_HOME/bin/java" bench/VideoBreakdown.java "$jfr" "$from" "$to" $(( s * fps )) "$decode_s"
  rm -rf "$work"
  exit 0
fi

# Every build is started at once (each on its own port, idle while the other works), warmed up on the first clip, then
# the clips are analysed by the builds in turn, REPEATS times, so that the host's drift falls on both alike; the table
# has the median wall time per build and clip. One row per analysis: "label|clip|wall|windows|cues".
repeats="${VIDEO_REPEATS:-3}"
labels=("this checkout"); jars=("target/quarkus-app/quarkus-run.jar")
[ -z "$baseline" ] || { labels+=("baseline $baseline"); jars+=("$baseline_jar"); }
pids=(); datas=()
trap 'kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null; rm -rf "${datas[@]}" "$work"' EXIT
for i in "${!jars[@]}"; do
  port=$(( ${AFFECTRA_BENCH_PORT:-18081} + i ))
  AFFECTRA_BENCH_JAR="${jars[$i]}" start_embedded_server -Daffectra.video.sync-max-duration=30m ${AFFECTRA_JAVA_OPTS:-}
  pids+=("$server"); datas+=("$data"); trap 'kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null; rm -rf "${datas[@]}" "$work"' EXIT
  analyse "${lengths[0]}" > /dev/null
done
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench ':!bench/results' || echo ' (with uncommitted changes)')"
phase_pids="${pids[*]}"
phase "clips in turn"
for s in "${lengths[@]}"; do
  for r in $(seq 1 "$repeats"); do
    for i in "${!jars[@]}"; do
      port=$(( ${AFFECTRA_BENCH_PORT:-18081} + i ))
      start=$(date +%s.%N); resp="$(analyse "$s")"; end=$(date +%s.%N)
      printf '%s|%s|%s|%s|%s\n' "${labels[$i]}" "$s" "$(echo "$end - $start" | bc -l)" \
        "$(echo "$resp" | grep -o '"timeline":\[.*' | grep -o '"index":' | wc -l)" "$(echo "$resp" | grep -o '"modality":' | wc -l)" >> "$work/rows"
      echo "$resp" | grep -o '"timings":{[^}]*}' > "$work/timings-${labels[$i]}"
    done
  done
  # What each server holds once garbage is collected, after this clip length: flat across lengths if nothing grows.
  for i in "${!jars[@]}"; do
    "$JAVA_HOME/bin/jcmd" "${pids[$i]}" GC.run > /dev/null
    printf '%s|%s|%s|%s\n' "${labels[$i]}" "$s" "$(awk '/VmHWM/{printf "%.0f MiB", $2/1024}' /proc/${pids[$i]}/status)" \
      "$("$JAVA_HOME/bin/jcmd" "${pids[$i]}" GC.heap_info | grep -o 'used [0-9]*K' | head -n1 | awk '{printf "%.0f MiB", $2/1024}')" >> "$work/memory"
  done
done
phase ""
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

# Median wall per build and clip, with the windows, cues and memory of that build at that length.
medians() {
  sort -t'|' -k1,1 -k2,2n -k3,3n "$work/rows" | awk -F'|' '{ k = $1 "|" $2; n[k]++; w[k, n[k]] = $3; c[k] = $4 "|" $5; order[k] = NR }
    END { for (k in n) { m = n[k] % 2 ? w[k, (n[k] + 1) / 2] : (w[k, n[k] / 2] + w[k, n[k] / 2 + 1]) / 2; print k "|" m "|" c[k] "|" n[k] } }' |
    sort -t'|' -k1,1r -k2,2n
}
medians > "$work/median"
table="$(awk -F'|' 'NR == FNR { mem[$1 "|" $2] = $3 " | " $4; next }
  { printf "| %s | %ss | %.1fs | %.2fx | %s | %s | %s | %s |\n", $1, $2, $3, $2 / $3, $4, $5, mem[$1 "|" $2], $6 }' "$work/memory" "$work/median")"
ratios=""
if [ -n "$baseline" ]; then
  ratios="$(awk -F'|' -v b="baseline $baseline" '$1 == "this checkout" { now[$2] = $2 / $3 } $1 == b { then[$2] = $2 / $3 }
    END { for (s in now) if (s in then) printf "| %ss | %.2fx | %.2fx | %.2f |\n", s, now[s], then[s], now[s] / then[s] }' "$work/median" | sort -n -t'|' -k2)"
fi
{
  echo "# Video pipeline benchmark"
  echo
  echo "Run: \`${VIDEO_BASELINE:+VIDEO_BASELINE=$VIDEO_BASELINE }bench/video-pipeline.sh ${lengths[*]}\` on $(date -u +%Y-%m-%d) at commit $commit. 720p H.264 clips of the test photographs with a spoken track, analysed at $fps sampled frames/s (body pose and face landmarks on every sampled frame, face detectors on every n-th with n = ${AFFECTRA_ENCODERS_FACE_DETECT_EVERY_NTH_FRAME:-5} in this checkout (and at cuts; every frame in builds before the setting), hands on every 2nd, VAD + prosody on the audio, 30 s windows, local backend)."
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB RAM, JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1)."
  echo "Load average (1, 5, 15 min) before the clips: $load_before; after: $load_after. Cores taken by other work while the clips ran (0 on a quiet machine, up to $(nproc)): $loads. Each clip was analysed $repeats times by each build in turn (VIDEO_REPEATS); walls are medians."
  echo "Peak RSS is the whole server process (JVM, models and all), high-water mark since start; live heap is the Java heap in use right after a full GC at the end of each clip."
  echo
  echo "| build | clip | median wall | real-time factor | windows | cues | server peak RSS | live heap after GC | analyses |"
  echo "|---|---|---|---|---|---|---|---|---|"
  echo "$table"
  if [ -n "$ratios" ]; then
    echo
    echo "| clip | this checkout | baseline $baseline | ratio |"
    echo "|---|---|---|---|"
    echo "$ratios"
  fi
  for f in "$work"/timings-*; do
    echo
    echo "Stage timings of the last clip, ${f##*/timings-} (ms, cumulative; stages on different cores overlap):"
    echo '```'
    cat "$f"
    echo '```'
  done
} > "$work/result.md"
cat "$work/result.md"
cp "$work/result.md" bench/results/video-pipeline.md
rm -rf "$work"
echo "written bench/results/video-pipeline.md"
