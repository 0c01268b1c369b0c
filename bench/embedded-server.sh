# Sourced by the benchmarks that drive one server on the embedded defaults: picks a JDK >= 21 the way bin/affectra
# does, builds the jar if missing, starts it on $port with a throwaway data dir ($data), waits (bounded) until it is
# ready, and stops it and removes $data on exit. Extra JVM options: start_embedded_server -Dname=value ...
# AFFECTRA_BENCH_JAR runs another build (an older commit's, say) instead of this checkout's.
source <(sed -n '/^java_major()/p; /^find_jdk()/,/^}/p' bin/affectra)
find_jdk
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

start_embedded_server() {
  data="$(mktemp -d)"
  "$JAVA_HOME/bin/java" -Dai.djl.offline=true -Dquarkus.http.port="$port" -Daffectra.data-dir="$data" "$@" \
    -jar "${AFFECTRA_BENCH_JAR:-target/quarkus-app/quarkus-run.jar}" > "$data/server.log" 2>&1 &
  server=$!
  # The server's exit status on kill (143) is not the benchmark's.
  trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true; rm -rf "$data"' EXIT
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null && return 0
    sleep 0.5
  done
  echo "the server did not become ready; its log: $data/server.log" >&2
  return 1
}
