#!/bin/sh
# The workload of KilledRunTest: appends "start <lot> <pid> <start ticks>" to $KILLED_RUN_DIR/events, then
# "overlap ..." for every earlier start of the same lot whose process still lives, then (unless
# $KILLED_RUN_DIR/release exists) sleeps in a background child it records as "child <lot> <pid>".
lot="$1"
events="$KILLED_RUN_DIR/events"
# "<state> <start ticks>" of a process from ONE read of /proc/<pid>/stat (empty once it is gone): read twice, a
# zombie reaped between the reads would show its start time and then no state, which is not "Z"
proc_stat() { s=$(cat "/proc/$1/stat" 2>/dev/null) && printf '%s\n' "${s##*) }" | cut -d' ' -f1,20; }
echo "start $lot $$ $(proc_stat $$ | cut -d' ' -f2)" >> "$events"
# after our own line: of two starts at the same time, at least the later one sees the other
while read -r word other pid started; do
  if [ "$word" = start ] && [ "$other" = "$lot" ] && [ "$pid" != $$ ]; then
    case "$(proc_stat "$pid")" in
      "Z $started" | "X $started" | "") ;; # ended (a zombie is only its exit status), or gone
      *" $started") echo "overlap $lot $pid $$" >> "$events" ;;
    esac
  fi
done < "$events"
if [ -e "$KILLED_RUN_DIR/release" ]; then
  exit 0
fi
sleep 300 &
echo "child $lot $!" >> "$events"
wait
