#!/usr/bin/env bash
# Benchmark of the nightly job against a plain Spark SQL RFM job, on generated data.
#
#   jobs/benchmark.sh [--rows N] [--seed S] [--days D] [--dir DIR] [--driver-memory 4g]
#                     [--parquet] [--single-file] [--no-plain] [--no-next]
#
# Generates N rows of daily exports over D days with the project's generator (under DIR, reused
# when already there), then measures in one session:
#   plain  the plain Spark SQL RFM job (read CSV, aggregate, approximate quintiles, write Parquet)
#   full   the nightly job on all days but the last (run date = the day before the last)
#   next   the nightly job for the last day, with one more day of exports (about 1/D of the rows)
#   parquet (with --parquet) the full job on the same exports converted once to Parquet files
#   single (with --single-file) the full job on the same history rows concatenated once into one
#          CSV file with one header (DIR/.../single/history.csv), to compare with the daily files
# and prints a table: rows, customers, wall time per step and in total, rows per second, peak
# driver heap and process memory. Spark runs local[*] (set SPARK_MASTER_LOCAL=local[2] to pin).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$ROOT"

rows=1000000 seed=7 days=100 dir="${TMPDIR:-/tmp}/customer-segmentation-bench" mem=4g
parquet=0 single=0 plain=1 next=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rows) rows="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --days) days="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    --driver-memory) mem="$2"; shift 2 ;;
    --parquet) parquet=1; shift ;;
    --single-file) single=1; shift ;;
    --no-plain) plain=0; shift ;;
    --no-next) next=0; shift ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

end=2025-12-31
before=2025-12-30
data="$dir/rows-$rows-seed-$seed-days-$days"
build_classpath
java_cmd=(java -Xmx"$mem" "${SPARK_JAVA_OPTS[@]}" -Dlog4j2.configurationFile="$ROOT/conf/log4j2.properties"
  -cp "$CLASSPATH_LOCAL")

if [[ ! -f "$data/.complete" ]]; then
  echo "Generating $rows rows over $days days into $data ..." >&2
  rm -rf "$data"
  mkdir -p "$data/all"
  "${java_cmd[@]}" org.custseg.sample.SampleGenerator --rows "$rows" --days "$days" \
    --end-date "$end" --seed "$seed" --out "$data/all" >&2
  mkdir -p "$data/exports/history" "$data/exports/next"
  mv "$data/all/transactions_$end.csv" "$data/exports/next/"
  mv "$data/all/"* "$data/exports/history/"
  rmdir "$data/all"
  touch "$data/.complete"
fi

if [[ "$parquet" == 1 && ! -f "$data/parquet/.complete" ]]; then
  echo "Converting the exports to Parquet into $data/parquet ..." >&2
  rm -rf "$data/parquet"
  "${java_cmd[@]}" org.custseg.bench.ExportsToParquet "$data/exports/history" \
    "$data/parquet/history" >&2
  touch "$data/parquet/.complete"
fi

if [[ "$single" == 1 && ! -f "$data/single/.complete" ]]; then
  echo "Concatenating the history into one CSV file in $data/single ..." >&2
  rm -rf "$data/single"
  mkdir -p "$data/single"
  # one header (the first file's), then every file's data lines, in file-name order
  find "$data/exports/history" -maxdepth 1 -name '*.csv' -print0 | sort -z |
    xargs -0 awk 'FNR > 1 || NR == 1' > "$data/single/history.csv"
  touch "$data/single/.complete"
fi

out="$data/out"
rm -rf "$out" "$data/plain-out"
mkdir -p "$out"

timed() { # label, command...
  local label="$1"; shift
  local start end
  start=$(date +%s.%N)
  "$@" > "$out/$label.log" 2>&1 || { echo "$label failed: see $out/$label.log" >&2; tail -20 "$out/$label.log" >&2; exit 1; }
  end=$(date +%s.%N)
  echo "$label $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')" >> "$out/times.txt"
}

master="${SPARK_MASTER_LOCAL:-local[*]}"
# The generated exports hold EUR, CHF and GBP: the sample's reporting currency and rates.
job=("${java_cmd[@]}" -Dsegmentation.spark.master="$master" -Dsegmentation.money.currency=EUR
  -Dsegmentation.money.rates="$ROOT/sample-data/rates.csv" org.custseg.SegmentationApplication)
if [[ "$plain" == 1 ]]; then
  timed plain "${java_cmd[@]}" -Dspark.master="$master" org.custseg.bench.PlainRfmJob \
    "$data/exports/history" "$data/plain-out" "$before"
fi
timed full "${job[@]}" --input "$data/exports/history" --output "$out/job" --run-date "$before" --force
if [[ "$next" == 1 ]]; then
  timed next "${job[@]}" --input "$data/exports" --output "$out/job" --run-date "$end" --force
fi
if [[ "$single" == 1 ]]; then
  timed single "${job[@]}" --input "$data/single/history.csv" --output "$out/single-job" \
    --run-date "$before" --force
fi
if [[ "$parquet" == 1 ]]; then
  timed parquet "${job[@]}" --input "$data/parquet/history" --output "$out/parquet-job" \
    --run-date "$before" --force
fi

python3 - "$out" "$before" "$end" "$rows" <<'PY'
import json, sys, os
out, before, end, rows = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
times = dict(l.split() for l in open(os.path.join(out, "times.txt")))
def manifest(job, d):
    return json.load(open(os.path.join(out, job, "reports", "run_date=" + d, "manifest.json")))
print("| run | input rows | customers | ingest s | features s | segmentation s | reports s | publish s | total s | rows/s | max heap MB | peak heap MB | peak RSS MB |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
if "plain" in times:
    plain = float(times["plain"])
    print("| plain Spark RFM | %d | - | - | - | - | - | - | %.1f | %.0f | - | - | - |" % (rows, plain, rows / plain))
for label, key, job, d in (("full", "full", "job", before), ("next day", "next", "job", end),
                           ("full, one CSV file", "single", "single-job", before),
                           ("full, Parquet input", "parquet", "parquet-job", before)):
    if key not in times:
        continue
    m = manifest(job, d)
    steps = m["steps"]
    total = float(times[key])
    r = m["resources"]
    cells = ["%.1f" % (steps[s]["duration_ms"] / 1000) if s in steps else "-"
             for s in ("ingest", "features", "segmentation", "reports", "publish")]
    print("| %s | %d | %d | %s | %.1f | %.0f | %.0f | %.0f | %.0f |" % (label, m["input_rows"], m["customers"],
          " | ".join(cells), total, m["input_rows"] / total, r["driver_max_heap_bytes"] / 2**20,
          min(r["driver_peak_heap_bytes"], r["driver_max_heap_bytes"]) / 2**20,
          (r["driver_peak_rss_bytes"] or 0) / 2**20))
print()
ratios = []
if "plain" in times:
    ratios.append("full / plain = %.2f" % (float(times["full"]) / float(times["plain"])))
if "next" in times:
    ratios.append("next day / full = %.2f" % (float(times["next"]) / float(times["full"])))
if "single" in times:
    def ingest(job, d):
        return manifest(job, d)["steps"]["ingest"]["duration_ms"] / 1000
    ratios.append("one CSV file / daily files = %.2f (ingest %.2f)" % (
        float(times["single"]) / float(times["full"]),
        ingest("single-job", before) / ingest("job", before)))
print("; ".join(ratios) + " (wall time of the whole process, JVM start included)")
PY
