# Sourced by the benchmarks: what other work took of the cores during each phase, i.e. the machine's busy CPU time
# less this script's own and its waited-for children's (the servers, the load drivers), per second of the phase.
# `phase NAME` starts a phase (ending the one before), `phase ""` ends the last; $loads lists them. Processes of the
# benchmark's own that run in the background through a phase (servers started before it) go in $phase_pids.
loads=""
busy() { awk '/^cpu /{ print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
mine() {
  local pid total; total=$(awk '{ print $14 + $15 + $16 + $17 }' /proc/$$/stat)
  for pid in ${phase_pids:-}; do
    total=$(( total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0) ))
  done
  echo "$total"
}
phase() {
  local now; now=$(date +%s.%N)
  if [ -n "${phase_name:-}" ]; then
    loads="$loads${loads:+; }$phase_name: $(awk -v b="$(( $(busy) - phase_busy ))" -v m="$(( $(mine) - phase_mine ))" -v t="$(getconf CLK_TCK)" \
      -v s="$(echo "$now - $phase_start" | bc -l)" 'BEGIN { c = (b - m) / t / s; printf "%.2f", c < 0 ? 0 : c }')"
  fi
  phase_name="$1"; phase_start=$now; phase_busy=$(busy); phase_mine=$(mine)
  [ -z "$1" ] || echo "== $1"
}
