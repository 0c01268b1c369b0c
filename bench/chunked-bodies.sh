#!/usr/bin/env bash
# Oversized bodies without a Content-Length: starts the server on its defaults, reads its resident memory, sends
# CONCURRENT chunked bodies at once to the chat route (SIZE each) and to the analyse upload route (UPLOAD_SIZE each,
# past the upload limit of max-av-bytes + 64 KiB), then prints what
# each got back, how many bytes the server took before refusing, and its peak resident memory (VmHWM) before and
# after. Writes the figures to bench/results/chunked-bodies.md.
#   bench/chunked-bodies.sh [SIZE] [CONCURRENT] [UPLOAD_SIZE]      e.g. bench/chunked-bodies.sh 400M 4 600M
set -euo pipefail
cd "$(dirname "$0")/.."
size="${1:-400M}"
concurrent="${2:-4}"
upload_size="${3:-600M}"
port="${AFFECTRA_BENCH_PORT:-18082}"

source bench/embedded-server.sh
start_embedded_server

hwm() { awk '/VmHWM/{printf "%d", $2/1024}' "/proc/$server/status"; }
rss() { awk '/VmRSS/{printf "%d", $2/1024}' "/proc/$server/status"; }
# What the server still holds: the heap in use after a full collection (RSS also counts the heap the JVM grew for
# garbage it has not returned to the system).
live() { "$JAVA_HOME/bin/jcmd" "$server" GC.run >/dev/null; "$JAVA_HOME/bin/jcmd" "$server" GC.heap_info | awk '/used/{for(i=1;i<=NF;i++) if($i=="used"){v=$(i+1); sub("K,?","",v); printf "%d", v/1024; exit}}'; }
# One warm-up request so that the figures before include a served request, not only a started server.
curl -s -o /dev/null -F media=@examples/friends.jpg "http://127.0.0.1:$port/v1/emotion/analyze"
before_hwm="$(hwm)"; before_rss="$(rss)"; before_live="$(live)"

send() { # route content-type prefix-file size
  { cat "$3"; head -c "$4" /dev/zero | tr '\0' 'a'; } |
    curl -s -o /dev/null -w '%{http_code} %{size_upload}\n' -H 'Transfer-Encoding: chunked' -H "Content-Type: $2" \
      --data-binary @- "http://127.0.0.1:$port$1" || echo "closed -"
}
printf '{"model":"affectra-local","messages":[{"role":"user","content":"' > "$data/chat.prefix"
printf -- '--B\r\nContent-Disposition: form-data; name="media"; filename="big.mp4"\r\nContent-Type: video/mp4\r\n\r\n' > "$data/upload.prefix"

out="$(mktemp)"
{
  echo "bodies: chat $size, upload $upload_size, $concurrent at once per route"
  echo "before: RSS ${before_rss} MiB, peak RSS ${before_hwm} MiB, live heap ${before_live} MiB"
  for route in chat upload; do
    if [ "$route" = chat ]; then path=/v1/chat/completions; type=application/json; prefix="$data/chat.prefix"; n="$size"
    else path=/v1/emotion/analyze; type='multipart/form-data; boundary=B'; prefix="$data/upload.prefix"; n="$upload_size"; fi
    pids=()
    for i in $(seq 1 "$concurrent"); do send "$path" "$type" "$prefix" "$n" > "$data/$route.out.$i" & pids+=($!); done
    wait "${pids[@]}"
    echo "$route ($path): status and bytes the client got to send: $(cat "$data"/$route.out.* | tr '\n' ';')"
  done
  echo "after: RSS $(rss) MiB, peak RSS $(hwm) MiB (peak grew $(( $(hwm) - before_hwm )) MiB), live heap after a full GC $(live) MiB"
  curl -sf "http://127.0.0.1:$port/q/health/live" >/dev/null && echo "health: live"
} | tee "$out"

{
  echo "# Oversized chunked bodies"
  echo
  echo "Run: \`bench/chunked-bodies.sh $size $concurrent $upload_size\` on $(date -u +%Y-%m-%d), defaults: chat limit"
  echo "affectra.chat.max-request-bytes = 32 MiB (counted in memory as it arrives); upload limit max-av-bytes 512 MiB +"
  echo "64 KiB (counted by the transport as it arrives, the file part spooled to disk, never to the heap)."
  echo "Machine: $(nproc) cores, JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1)."
  echo
  echo '```'
  cat "$out"
  echo '```'
} > bench/results/chunked-bodies.md
rm -f "$out"
