#!/bin/sh
# How KilledRunTest's workload once misread an ended process as alive (ADR-0008, Consequences). A killed process is
# a zombie until its new parent reaps it; where PID 1 reaps orphans on its own schedule that takes a while. This makes
# orphaned zombies, re-runs the liveness check on each until it is reaped, and counts the zombies some check read as
# alive: the old check read /proc/<pid>/stat twice (start time, then state), the new one reads it once.
# Usage: bench/zombie-reap-race.sh [zombies]   (Linux, python3)
ticks() { [ -r "/proc/$1/stat" ] && sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f20; }
state() { [ -r "/proc/$1/stat" ] && sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1; }
proc_stat() { s=$(cat "/proc/$1/stat" 2>/dev/null) && printf '%s\n' "${s##*) }" | cut -d' ' -f1,20; }
old_hits=0; new_hits=0; zombies=${1:-20}
for t in $(seq 1 "$zombies"); do
  # a grandchild that outlives its parent: an orphan, reaped by PID 1 (or a subreaper) after it exits
  pid=$(python3 -c '
import os, time
r, w = os.pipe()
if os.fork() == 0:
    g = os.fork()
    if g == 0:
        os.close(r); os.close(w); time.sleep(0.2); os._exit(0)
    os.write(w, str(g).encode()); os._exit(0)
os.wait(); print(os.read(r, 20).decode())')
  sleep 0.3
  started=$(ticks "$pid")
  old=0; new=0
  while [ -r "/proc/$pid/stat" ]; do
    if [ "$(ticks "$pid")" = "$started" ] && [ "$(state "$pid")" != Z ]; then old=1; fi
    case "$(proc_stat "$pid")" in "Z $started" | "X $started" | "") ;; *" $started") new=1 ;; esac
  done
  old_hits=$((old_hits + old)); new_hits=$((new_hits + new))
done
echo "zombies: $zombies; read as alive by the two-read check: $old_hits, by the one-read check: $new_hits"
