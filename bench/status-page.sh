#!/usr/bin/env bash
# The status page at scale (issue 19.4): DATASETS datasets (default 100: 90 boundaries' datasets and 10 arcs'
# sinks) with DAYS days (default 30) of five-minute lots each, one lot in 500 of every dataset missing; each arc's
# lots complete, with a run history (start and end lines) in its state object.
#
#   bench/status-page.sh [DATASETS] [DAYS]
#
# Writes the manifests and arc states straight into a local root (the file store's layout, buckets/<bucket>/<key>;
# on /dev/shm when it exists: about three inodes per lot), then measures:
#   * generation: `bin/cls report --html` wall time (JVM start included) and the page's size;
#   * time to interactive: headless Chromium loads the file; the page records when its script finished drawing
#     (data-rendered-ms, ms since navigation began), read back from --dump-dom; also the browser's wall time.
# Needs the CLI built (./mvnw -q package -DskipTests -pl clusterless-cli -am), python3 and Debian's chromium.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
datasets="${1:-100}"
days="${2:-30}"
arcs=$(( datasets / 10 ))
boundaries=$(( datasets - arcs ))
scratch="/dev/shm"
[[ -d "$scratch" && -w "$scratch" ]] || scratch="$root/bench/out"
work="$(mktemp -d "$scratch/cls-status-page.XXXXXX")"
[[ -n "${KEEP:-}" ]] || trap 'rm -rf "$work"' EXIT
out="$root/bench/out/status-page"
mkdir -p "$out"

python3 - "$work" "$boundaries" "$arcs" "$days" <<'PY'
import datetime, json, os, sys
work, boundaries, arcs, days = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
bucket = "dev-page-bench-123456789012-us-west-2"
manifests = os.path.join(work, "root", "buckets", "dev-clusterless-manifest-123456789012-us-west-2", "datasets")
states = os.path.join(work, "root", "buckets", "dev-clusterless-arc-state-123456789012-us-west-2", "arcs",
                      "project=PageBench", "version=1")
project = {
    "project": {"name": "PageBench", "version": "1"},
    "placement": {"provider": "aws", "stage": "dev", "account": "123456789012", "region": "us-west-2"},
    "resources": [{"type": "aws:core:s3Bucket", "name": "bucket", "bucketName": bucket}],
    "boundaries": [{"type": "aws:core:s3PutListenerBoundary", "name": "in%03d" % i, "lotUnit": "Twelfths",
                    "dataset": {"name": "in-%03d" % i, "version": "1", "pathURI": "s3://%s/in-%03d/" % (bucket, i),
                                "freshness": {"warnAfter": "PT30M", "errorAfter": "PT2H"}}}
                   for i in range(boundaries)],
    "arcs": [{"type": "aws:core:s3CopyArc", "name": "copy%03d" % i,
              "sources": {"main": {"name": "in-%03d" % i, "version": "1"}},
              "sinks": {"main": {"name": "out-%03d" % i, "version": "1", "pathURI": "s3://%s/out-%03d/" % (bucket, i)}}}
             for i in range(arcs)],
}
with open(os.path.join(work, "project.json"), "w") as f:
    json.dump(project, f, indent=1)
names = ["in-%03d" % i for i in range(boundaries)] + ["out-%03d" % i for i in range(arcs)]
start = datetime.datetime(2026, 11, 1)
count = 0
for index in range(days * 288):
    when = start + datetime.timedelta(minutes=5 * index)
    lot = "%sPT5M%03d" % (when.strftime("%Y%m%d"), index % 288)
    for n, name in enumerate(names):
        if (index + n) % 500 == 0:
            continue
        d = os.path.join(manifests, "name=" + name, "version=1", "lot=" + lot, "state=complete")
        os.makedirs(d, exist_ok=True)
        open(os.path.join(d, "manifest.json"), "w").close()
        count += 1
    for a in range(arcs):
        d = os.path.join(states, "arc=copy%03d" % a, "lot=" + lot)
        os.makedirs(d, exist_ok=True)
        begun = when + datetime.timedelta(minutes=5, seconds=7)
        ended = begun + datetime.timedelta(seconds=3 + a % 5)
        attempt = "a%03d-%d" % (a, index)
        with open(os.path.join(d, "complete.arc"), "w") as f:
            f.write(json.dumps({"state": "running", "arcAttempt": attempt, "time": begun.isoformat() + "Z"}) + "\n")
            f.write(json.dumps({"state": "complete", "arcAttempt": attempt, "time": ended.isoformat() + "Z"}) + "\n")
        count += 1
print("wrote %d objects: %d datasets x %d lots (1 in 500 missing), %d arcs' states" % (count, len(names), days * 288, arcs))
PY

now() { date +%s.%N; }
earliest="20261101PT5M000"
latest="$(date -u -d "2026-11-01 + $days days" +%Y%m%d)PT5M000"
page="$out/status-${datasets}x${days}d.html"
start="$(now)"
/usr/bin/time -f "%U %S %M" -o "$out/report.time" "$root/bin/cls" report "$work/project.json" -P local \
  --local-root "$work/root" --earliest "$earliest" --latest "$latest" --html "$page" >"$out/report.out" \
  2>"$out/report.err"
report_s="$(echo "$(now) - $start" | bc -l)"
read -r user_s sys_s rss_kb <"$out/report.time"
bytes="$(stat -c %s "$page")"

start="$(now)"
chromium --headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$work/chromium" --window-size=1400,1000 \
  --dump-dom "file://$page" >"$work/dom.html" 2>"$out/chromium.err"
browser_s="$(echo "$(now) - $start" | bc -l)"
rendered="$(grep -o 'data-rendered-ms="[0-9]*"' "$work/dom.html" | grep -o '[0-9]*' || echo "none")"
rows="$(grep -o 'class="row"' "$work/dom.html" | wc -l)"

printf 'datasets: %d (%d lots each), arcs: %d, heatmap rows drawn: %d\n' "$datasets" $(( days * 288 )) "$arcs" "$rows"
printf 'cls report --html: %6.1f s wall, %.1f s CPU (user+sys), %d MB max RSS (JVM start included)\n' \
  "$report_s" "$(echo "$user_s + $sys_s" | bc -l)" $(( rss_kb / 1024 ))
printf 'page: %d bytes (%.1f MB)\n' "$bytes" "$(echo "$bytes / 1048576" | bc -l)"
printf 'chromium: drawn %s ms after navigation began; headless run %.1f s wall (browser start included)\n' \
  "$rendered" "$browser_s"
printf 'load average: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
