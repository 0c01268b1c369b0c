#!/usr/bin/env bash
# Replicas benchmark: one 2,000-case evaluation (text-only label cases, strategy direct, no media, so no encoder runs)
# against an OpenAI-compatible stub on loopback that answers after 50 ms (bench/ExperimentStub.java), run by 1, 2 and 3
# replicas of the PostgreSQL application in rabbitmq mode (this machine's PostgreSQL and RabbitMQ; a schema and queues of
# the benchmark's own), and once by one process in local mode at the same concurrency, for the broker's overhead per
# item. Cases/s = cases / (completedAt - createdAt) as the run stores them. Prints the figures and writes them with the
# machine's description to bench/results/replicas.md. About three minutes on two cores.
#   bench/replicas.sh [CASES] [WORKERS]          default: 2000 8 (workers per replica = its prefetch)
set -euo pipefail
cd "$(dirname "$0")/.."
cases="${1:-2000}"
workers="${2:-8}"
delay_ms=50
stub_port="${BENCH_STUB_PORT:-38102}"
base_port="${AFFECTRA_BENCH_PORT:-38190}"
schema=affectra_bench_replicas
prefix="affectra-bench-$$"
pg_db="${AFFECTRA_PG_DATABASE:-test}"
pg_user="${AFFECTRA_PG_USER:-postgres}"

source <(sed -n '/^java_major()/p; /^find_jdk()/,/^}/p' bin/affectra)
find_jdk
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
# The replicas run the PostgreSQL application, which `verify` builds beside the default one.
if [ ! -f target/quarkus-app-pg/quarkus-run.jar ] || [ -n "$(find src prompts pom.xml -newer target/quarkus-app-pg/quarkus-run.jar -print -quit)" ]; then
  ./mvnw -B -q verify -DskipTests
fi
cp="target/quarkus-app/lib/main/*"
work="$(mktemp -d)"
"$JAVA_HOME/bin/javac" -nowarn -cp "$cp" -d "$work/classes" bench/ExperimentStub.java
"$JAVA_HOME/bin/java" -cp "$work/classes:$cp" ExperimentStub "$stub_port" "$delay_ms" > "$work/stub.log" 2>&1 &
stub=$!
pids=()
stop_replicas() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  pids=()
}
trap 'stop_replicas; kill $stub 2>/dev/null; wait $stub 2>/dev/null || true; rabbitmqctl delete_queue "$prefix.trials" >/dev/null 2>&1 || true; rabbitmqctl delete_queue "$prefix.trials.dead" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

# The dataset: numbered sentences, gold labels in turn.
labels=(happiness sadness anger neutral)
for i in $(seq 0 $((cases - 1))); do
  printf '{"id":"t%d","text":"(%d) I could not stop smiling all day.","label":"%s"}\n' "$i" "$i" "${labels[$((i % 4))]}"
done > "$work/set.jsonl"

fresh_schema() {
  psql -q -h 127.0.0.1 -U "$pg_user" "$pg_db" -c "DROP SCHEMA IF EXISTS $schema CASCADE" -c "CREATE SCHEMA $schema" 2>/dev/null
}

# start_replica NAME PORT TRANSPORT
start_replica() {
  mkdir -p "$work/$1"
  "$JAVA_HOME/bin/java" -Xmx1g -Dai.djl.offline=true -Dquarkus.profile=pg -Dquarkus.http.port="$2" -Daffectra.data-dir="$work/$1" \
    "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/$pg_db?currentSchema=$schema" -Dquarkus.datasource.username="$pg_user" \
    -Dquarkus.flyway.schemas="$schema" -Daffectra.work.transport="$3" -Daffectra.work.replica-id="$1" -Daffectra.work.workers="$workers" \
    -Daffectra.work.rabbitmq.prefix="$prefix" -Daffectra.eval.max-concurrency=64 \
    -Daffectra.backends.stub.kind=openai "-Daffectra.backends.stub.base-url=http://127.0.0.1:$stub_port/v1" -Daffectra.backends.stub.model=stub-model \
    -jar target/quarkus-app-pg/quarkus-run.jar > "$work/$1.log" 2>&1 &
  pids+=($!)
}

wait_ready() {
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$1/q/health/ready" >/dev/null && return 0
    sleep 0.5
  done
  echo "replica on port $1 not ready; logs in $work" >&2
  exit 1
}

# run_once LABEL TRANSPORT REPLICAS: prints "LABEL cases/s wall_s rows_by_replica"
run_once() {
  local label="$1" transport="$2" n="$3"
  fresh_schema
  local ports=()
  for r in $(seq 1 "$n"); do
    ports+=($((base_port + r)))
    start_replica "r$r" "$((base_port + r))" "$transport"
  done
  for p in "${ports[@]}"; do wait_ready "$p"; done
  local url="http://127.0.0.1:${ports[0]}"
  # Warm-up: a short run, so that the figures are not the JIT's first minute.
  local warm
  warm=$(curl -sf -F "options={\"format\":\"label\",\"backend\":\"stub\",\"strategies\":[\"direct\"],\"concurrency\":$workers,\"limit\":200};type=application/json" \
    -F "dataset=@$work/set.jsonl;type=application/x-ndjson" "$url/v1/evaluations" | jq -r .id)
  curl -sfN "$url/v1/evaluations/$warm/events" > /dev/null
  local id
  id=$(curl -sf -F "options={\"format\":\"label\",\"backend\":\"stub\",\"strategies\":[\"direct\"],\"concurrency\":$workers};type=application/json" \
    -F "dataset=@$work/set.jsonl;type=application/x-ndjson" "$url/v1/evaluations" | jq -r .id)
  curl -sfN "$url/v1/evaluations/$id/events" > /dev/null
  local view wall
  view=$(curl -sf "$url/v1/evaluations/$id")
  [ "$(jq -r .status <<<"$view")" = completed ] || { echo "run $id did not complete: $view" >&2; exit 1; }
  wall=$(psql -At -h 127.0.0.1 -U "$pg_user" "$pg_db" -c "select extract(epoch from completed_at - created_at) from $schema.evaluation where id = '$id'")
  local by
  by=$(psql -At -F= -h 127.0.0.1 -U "$pg_user" "$pg_db" -c "select coalesce(replica,'-'), count(*) from $schema.evaluation_case where evaluation_id = '$id' group by 1 order by 1" | paste -sd' ')
  printf '%-28s %8.1f cases/s %7.2f s   rows by replica: %s\n' "$label" "$(echo "$cases / $wall" | bc -l)" "$wall" "$by"
  echo "$wall" > "$work/wall-$transport-$n"
  stop_replicas
}

out="$work/out.txt"
{
  echo "$cases cases, strategy direct, stub latency ${delay_ms} ms, $workers workers per replica"
  run_once "local, 1 process" local 1
  run_once "rabbitmq, 1 replica" rabbitmq 1
  run_once "rabbitmq, 2 replicas" rabbitmq 2
  run_once "rabbitmq, 3 replicas" rabbitmq 3
  local_wall=$(cat "$work/wall-local-1"); rabbit_wall=$(cat "$work/wall-rabbitmq-1")
  printf 'broker overhead per item at 1 replica: %.2f ms of wall time (%.2f ms per item in flight, %d in flight)\n' \
    "$(echo "($rabbit_wall - $local_wall) * 1000 / $cases" | bc -l)" "$(echo "($rabbit_wall - $local_wall) * 1000 * $workers / $cases" | bc -l)" "$workers"
} | tee "$out"
psql -q -h 127.0.0.1 -U "$pg_user" "$pg_db" -c "DROP SCHEMA IF EXISTS $schema CASCADE" 2>/dev/null || true

commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src prompts pom.xml || echo ' + uncommitted changes')"
{
  echo "# Replicas benchmark"
  echo
  echo "Run: \`bench/replicas.sh $cases $workers\` on $(date -u +%Y-%m-%d), commit $commit."
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB RAM, JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1), PostgreSQL $(psql -At -h 127.0.0.1 -U "$pg_user" "$pg_db" -c 'show server_version' | cut -d' ' -f1), RabbitMQ $(rabbitmqctl version 2>/dev/null || echo '?'); load average when written: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Every replica, PostgreSQL, RabbitMQ and the stub share these cores: on one machine, more replicas add workers but no CPU, so the figures show the cost of the distribution, not the gain a replica on a machine of its own brings. Each configuration starts fresh replicas and a fresh schema, warms up with a 200-case run, then times the $cases-case run (completed_at - created_at in the database: planning, enqueueing, every trial, the final metrics)."
  echo
  echo '```'
  cat "$out"
  echo '```'
} > bench/results/replicas.md
echo "written bench/results/replicas.md"
