#!/usr/bin/env bash
# Runs named phases in order, printing each one's duration and a summary table at the end.
# Usage: tools/run-phases.sh "name::command" ...   Stops at the first failing phase (non-zero exit).
# A phase that runs longer than PHASE_TIMEOUT_S (default 1800) is stopped and counts as failed, so a
# hung process (a test leaking a handle, a wedged server) fails CI with a clear line instead of
# running into CI's own limit.
set -uo pipefail
declare -a names=() secs=() results=()
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
secs_since() { local ms=$(( $(now_ms) - $1 )); printf "%d.%d" $((ms / 1000)) $(((ms % 1000) / 100)); }
total_start=$(now_ms)
status=0
for spec in "$@"; do
  name=${spec%%::*}
  cmd=${spec#*::}
  printf '\n\033[1m==> %s\033[0m  (%s)\n' "$name" "$cmd"
  start=$(now_ms)
  timeout -k 20 "${PHASE_TIMEOUT_S:-1800}" bash -c "$cmd"
  rc=$?
  [ $rc -eq 124 ] && printf '\033[1m!!! %s: no exit after %ss, stopped\033[0m\n' "$name" "${PHASE_TIMEOUT_S:-1800}"
  elapsed=$(secs_since "$start")
  names+=("$name"); secs+=("$elapsed")
  if [ $rc -eq 0 ]; then results+=(ok); else results+=("FAILED ($rc)"); status=$rc; fi
  printf '\033[1m<== %s: %s in %ss\033[0m\n' "$name" "${results[-1]}" "$elapsed"
  [ $rc -eq 0 ] || break
done
total=$(secs_since "$total_start")
printf '\n%-14s %10s  %s\n' phase seconds result
for i in "${!names[@]}"; do printf '%-14s %10s  %s\n' "${names[$i]}" "${secs[$i]}" "${results[$i]}"; done
printf '%-14s %10s  %s\n' total "$total" "$([ $status -eq 0 ] && echo ok || echo FAILED)"
exit $status
