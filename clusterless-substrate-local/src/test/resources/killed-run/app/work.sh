#!/bin/sh
# The workload of KilledRunTest: appends "start <lot> <pid> <start ticks>" to $KILLED_RUN_DIR/events, then
# "overlap ..." for every earlier start of the same lot whose process still lives, then (unless
# $KILLED_RUN_DIR/release exists) sleeps in a background child it records as "child <lot> <pid>".
lot="$1"
events="$KILLED_RUN_DIR/events"
ticks() { [ -r "/proc/$1/stat" ] && sed 's/^.*) //' "/proc/$1/stat" | cut -d' ' -f20; }
state() { [ -r "/proc/$1/stat" ] && sed 's/^.*) //' "/proc/$1/stat" | cut -d' ' -f1; }
echo "start $lot $$ $(ticks $$)" >> "$events"
# after our own line: of two starts at the same time, at least the later one sees the other
while read -r word other pid started; do
  if [ "$word" = start ] && [ "$other" = "$lot" ] && [ "$pid" != $$ ] && [ "$(ticks "$pid")" = "$started" ] \
      && [ "$(state "$pid")" != Z ]; then
    echo "overlap $lot $pid $$" >> "$events"
  fi
done < "$events"
if [ -e "$KILLED_RUN_DIR/release" ]; then
  exit 0
fi
sleep 300 &
echo "child $lot $!" >> "$events"
wait
