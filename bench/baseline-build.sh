# Sourced by the benchmarks that compare this checkout with an older commit in one run: `build_baseline COMMIT` makes
# that commit's jar once under target/baselines/<short commit>/ (from git archive, offline Maven) and sets
# $baseline (the short commit) and $baseline_jar.
build_baseline() {
  baseline="$(git rev-parse --short "$1")"
  local dir="$PWD/target/baselines/$baseline"
  baseline_jar="$dir/target/quarkus-app/quarkus-run.jar"
  if [ ! -f "$baseline_jar" ]; then
    rm -rf "$dir"
    mkdir -p "$dir"
    git archive "$baseline" | tar -x -C "$dir"
    (cd "$dir" && ./mvnw -B -q -o package -DskipTests)
  fi
}
