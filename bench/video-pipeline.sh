#!/usr/bin/env bash
# Temporal-pipeline benchmark: makes 720p clips of real photographs with a spoken track (ffmpeg +
# espeak-ng, installed with apt-get if missing), starts the server on the embedded defaults, analyses each
# clip at 5 sampled frames/s, and prints the real-time factor and the server's peak resident memory.
# Results with the machine go to bench/results/video-pipeline.md.
#   bench/video-pipeline.sh [SECONDS...]      default: 60 180
set -euo pipefail
cd "$(dirname "$0")/.."
lengths=("${@:-60 180}"); read -r -a lengths <<< "${lengths[*]}"
port="${AFFECTRA_BENCH_PORT:-18081}"
command -v ffmpeg >/dev/null && command -v espeak-ng >/dev/null || { apt-get update -qq && apt-get install -y -qq ffmpeg espeak-ng; }

source <(sed -n '/^java_major()/p; /^find_jdk()/,/^}/p' bin/affectra)
find_jdk
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

work="$(mktemp -d)"
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
media=src/test/resources/media
for s in "${lengths[@]}"; do
  espeak-ng -v en-us -s 150 -w "$work/say.wav" "I can't believe we actually won the final. Honestly, I was really nervous before the match. Thank you all so much for coming."
  ffmpeg -v error -y -stream_loop -1 -i "$work/say.wav" -t "$s" -ar 16000 -ac 1 "$work/audio-$s.wav"
  # The three photographs in turn, 10 s each, with a slow zoom so that every frame differs.
  ffmpeg -v error -y -loop 1 -i $media/sample1.jpg -loop 1 -i $media/sample2.jpg -loop 1 -i $media/sample3.jpg -i "$work/audio-$s.wav" \
    -filter_complex "[0:v]scale=1280:720:force_original_aspect_ratio=increase,crop=1280:720,trim=duration=10,setsar=1[a];[1:v]scale=1280:720:force_original_aspect_ratio=increase,crop=1280:720,trim=duration=10,setsar=1[b];[2:v]scale=1280:720:force_original_aspect_ratio=increase,crop=1280:720,trim=duration=10,setsar=1[c];[a][b][c]concat=n=3:v=1:a=0,loop=-1:size=750,trim=duration=$s,fps=25,format=yuv420p[v]" \
    -map "[v]" -map 3:a -c:v libx264 -preset veryfast -crf 26 -c:a aac -b:a 64k -t "$s" "$work/clip-$s.mp4"
done

"$JAVA_HOME/bin/java" -Dai.djl.offline=true -Dquarkus.http.port="$port" -Daffectra.data-dir="$work/data" \
  -Daffectra.video.sync-max-duration=30m -jar target/quarkus-app/quarkus-run.jar > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null && break; sleep 0.5; done

out="$work/out.txt"
{
  echo "clip      duration  wall      real-time factor  windows  cues  server peak RSS  live heap after GC"
  # Warm-up on the first clip so JIT and pools are hot.
  curl -sf -F "media=@$work/clip-${lengths[0]}.mp4;type=video/mp4" -F 'options={"fps":5}' "http://127.0.0.1:$port/v1/emotion/analyze" > /dev/null
  for s in "${lengths[@]}"; do
    start=$(date +%s.%N)
    resp="$(curl -sf -F "media=@$work/clip-$s.mp4;type=video/mp4" -F 'options={"fps":5}' "http://127.0.0.1:$port/v1/emotion/analyze")"
    end=$(date +%s.%N)
    wall=$(echo "$end - $start" | bc -l)
    windows=$(echo "$resp" | grep -o '"timeline":\[.*' | grep -o '"index":' | wc -l)
    cues=$(echo "$resp" | grep -o '"modality":' | wc -l)
    rss=$(awk '/VmHWM/{printf "%.0f MiB", $2/1024}' /proc/$server/status)
    # What the JVM still holds once garbage is collected: flat across durations if nothing grows with the clip.
    "$JAVA_HOME/bin/jcmd" "$server" GC.run > /dev/null
    live=$("$JAVA_HOME/bin/jcmd" "$server" GC.heap_info | grep -o 'used [0-9]*K' | head -n1 | awk '{printf "%.0f MiB", $2/1024}')
    printf "%-9s %6ss  %7.1fs  %8.1fx          %5s  %5s  %-15s  %s\n" "720p" "$s" "$wall" "$(echo "$s / $wall" | bc -l)" "$windows" "$cues" "$rss" "$live"
  done
  echo
  echo "stage timings of the last clip (ms, cumulative):"
  echo "$resp" | grep -o '"timings":{[^}]*}'
} | tee "$out"

{
  echo "# Video pipeline benchmark"
  echo
  echo "Run: \`bench/video-pipeline.sh ${lengths[*]}\` on $(date -u +%Y-%m-%d). 720p H.264 clips of the test photographs with a spoken track, analysed at 5 sampled frames/s (body pose and face landmarks on every sampled frame, face detectors on every n-th with n = ${AFFECTRA_ENCODERS_FACE_DETECT_EVERY_NTH_FRAME:-5} (and at cuts), hands on every 2nd, VAD + prosody on the audio, 30 s windows, local backend)."
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB RAM, JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1); load average when written: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the same cores inflates every figure). Peak RSS is the whole server process (JVM, models and all), high-water mark since start; live heap is the Java heap in use right after a full GC at the end of each clip."
  echo
  echo '```'
  cat "$out"
  echo '```'
} > bench/results/video-pipeline.md
echo "written bench/results/video-pipeline.md"
