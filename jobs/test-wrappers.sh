#!/usr/bin/env bash
# Wrapper test: every documented job option through both jobs/run-local.sh and jobs/spark-submit.sh
# (the latter by its local fallback, SparkSubmit from Spark's Maven jars, so no Spark distribution
# is needed), with the exit codes and the files each one must give.
#
#   jobs/test-wrappers.sh [--days N] [--keep]
#
# Input: the last N days (default 92) of sample-data/, copied to a temporary directory; the
# wrappers run from there with relative --input/--output/--config paths. For each wrapper:
#   --help, --version                                    exit 0, usage / version printed
#   --bogus, a positional argument, --run-date without a value   exit 2, nothing run
#   --validate-only --input --config --run-date --output exit 0, nothing written
#   --run-date D1 --input --output --config              exit 0, the date published, the config
#                                                        applied, no migration files (first run);
#                                                        run-local.sh wrote its class archive
#   the same again, without --force                      exit 0, "already completed", nothing redone
#                                                        (run-local.sh: the archive not rewritten)
#   the same with --force                                exit 0, recomputed
#   --run-date D2 --full                                 exit 0, full recompute, migration files
#     (through spark-submit.sh, to save a run: D1 with --force --full, recomputed in full)
#   --evaluate --calibration-end --holdout-end           exit 0, evaluation files
# Then: the two wrappers' outputs of D1 are equal (report CSVs, quarantine rows, manifest counts:
# the packaged jar behaves as the local classpath), no output has a terminal escape code, and the
# jar carries no Netty classes or native libraries (Spark provides them).
# Exit code 0 when every check passed; the last line counts them. --keep keeps the work directory
# (it is kept on failure anyway). Needs: JDK 17, Maven; SPARK_HOME and SPARK_SUBMIT are ignored.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$ROOT/jobs/lib/test-support.sh"
cd "$ROOT"

days=92
keep=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --days) days="$2"; shift 2 ;;
    --keep) keep=true; shift ;;
    -h | --help) sed -n '2,26p' "$0"; exit 0 ;;
    *) echo "ERROR: unknown option $1" >&2; exit 2 ;;
  esac
done
unset SPARK_HOME SPARK_SUBMIT

work="$(mktemp -d "${TMPDIR:-/tmp}/custseg-wrapper-test.XXXXXX")"
started=$SECONDS
passed=0
failed=0

log() { printf '[test-wrappers %4ds] %s\n' "$((SECONDS - started))" "$*" >&2; }

cleanup() {
  local code=$?
  finish_work_dir "$code" "$work" "$keep"
  exit $code
}
trap cleanup EXIT

# check DESCRIPTION COMMAND...: one check, counted.
check() {
  local what="$1"
  shift
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    log "FAIL: $what"
  fi
}

# run WRAPPER NAME EXPECTED-EXIT ARGS...: runs jobs/WRAPPER.sh ARGS from the work directory,
# output in $work/WRAPPER-NAME.log; checks the exit code.
run() {
  local wrapper="$1" name="$2" expected="$3" t0=$SECONDS code
  shift 3
  set +e
  (cd "$work" && "$ROOT/jobs/$wrapper.sh" "$@") >"$work/$wrapper-$name.log" 2>&1
  code=$?
  set -e
  log "$wrapper $name: exit $code ($((SECONDS - t0))s)"
  check "$wrapper $name: exit $code, expected $expected (log: $work/$wrapper-$name.log)" test "$code" -eq "$expected"
  if [[ "$code" -ne "$expected" ]]; then
    tail -5 "$work/$wrapper-$name.log" >&2
  fi
}

in_log() { grep -q -- "$2" "$work/$1.log"; }

d1="2025-12-30"
d2="2025-12-31"
calibration_end="2025-11-30"
copy_last_days "$days" "$work/input"
# A --config file whose effect shows in the manifest (and the sample's reporting currency and
# rates: its exports hold EUR, CHF and GBP).
printf 'segmentation:\n  quality:\n    max-quarantine-rate: 0.2\n  money:\n    currency: EUR\n    rates: "%s"\n' \
  "$ROOT/sample-data/rates.csv" >"$work/test.yml"

# The wrappers' first runs call Maven themselves (compile, Spark's classpath for the fallback), so
# that their logs show its output too (checked for escape codes at the end).
rm -f "$ROOT/target/.classes-stamp" "$ROOT/target/spark-dist/classpath.txt"
log "work directory $work"

for wrapper in run-local spark-submit; do
  out="out-$wrapper"
  reports="$work/$out/reports"
  common=(--input input --output "$out" --config test.yml)

  run "$wrapper" help 0 --help
  check "$wrapper --help prints the usage" in_log "$wrapper-help" "--holdout-end"
  run "$wrapper" version 0 --version
  check "$wrapper --version prints the version" in_log "$wrapper-version" "customer-segmentation"
  run "$wrapper" unknown 2 --bogus
  check "$wrapper --bogus is named as unknown" in_log "$wrapper-unknown" "unknown option or argument '--bogus'"
  run "$wrapper" positional 2 --run-date "$d1" extra
  run "$wrapper" novalue 2 --run-date

  run "$wrapper" validate 0 --validate-only --run-date "$d1" "${common[@]}"
  check "$wrapper --validate-only wrote nothing" test ! -e "$work/$out"
  check "$wrapper --validate-only printed the reconciliation" in_log "$wrapper-validate" "input_rows"

  run "$wrapper" run 0 --run-date "$d1" "${common[@]}"
  check "$wrapper run: _SUCCESS of $d1" test -f "$reports/run_date=$d1/_SUCCESS"
  check "$wrapper run: customers.csv" test -s "$reports/run_date=$d1/customers.csv"
  check "$wrapper run: --config applied" grep -q '"max_quarantine_rate" *: *0.2' "$reports/run_date=$d1/manifest.json"
  for f in tier_migration.csv quadrant_migration.csv churn_summary.csv; do
    check "$wrapper run: no $f on the first run" test ! -e "$reports/run_date=$d1/$f"
  done
  if [[ "$wrapper" == run-local ]]; then
    check "run-local: the run wrote one class archive" \
      test "$(find "$ROOT/target/run-local" -maxdepth 1 -name 'app-*.jsa' | wc -l)" -eq 1
    check "run-local: no unfinished class archive" \
      test "$(find "$ROOT/target/run-local" -maxdepth 1 -name '*.tmp' | wc -l)" -eq 0
  fi
  touch "$work/after-run"

  run "$wrapper" rerun 0 --run-date "$d1" "${common[@]}"
  check "$wrapper rerun: says already completed" in_log "$wrapper-rerun" "already completed"
  if [[ "$wrapper" == run-local ]]; then
    check "run-local rerun: the class archive was used, not written again" \
      test ! "$(find "$ROOT/target/run-local" -maxdepth 1 -name 'app-*.jsa')" -nt "$work/after-run"
  fi
  check "$wrapper rerun: nothing redone" test ! "$reports/run_date=$d1/_SUCCESS" -nt "$work/after-run"

  if [[ "$wrapper" == run-local ]]; then
    run "$wrapper" force 0 --run-date "$d1" "${common[@]}" --force
    check "$wrapper --force: recomputed" test "$reports/run_date=$d1/_SUCCESS" -nt "$work/after-run"

    run "$wrapper" full 0 --run-date "$d2" "${common[@]}" --full
    check "$wrapper --full: full recompute" grep -q 'full recompute requested (--full)' "$reports/run_date=$d2/manifest.json"
    for f in tier_migration.csv quadrant_migration.csv churn_summary.csv; do
      check "$wrapper: $f of $d2 against $d1" test -s "$reports/run_date=$d2/$f"
    done
  else
    # One run fewer: --force and --full together (the migration files are checked above).
    run "$wrapper" force-full 0 --run-date "$d1" "${common[@]}" --force --full
    check "$wrapper --force: recomputed" test "$reports/run_date=$d1/_SUCCESS" -nt "$work/after-run"
    check "$wrapper --full: full recompute" grep -q 'full recompute requested (--full)' "$reports/run_date=$d1/manifest.json"
  fi

  run "$wrapper" evaluate 0 --evaluate --calibration-end "$calibration_end" --holdout-end "$d2" \
    --input input --output "$out" --config test.yml
  check "$wrapper --evaluate: evaluation.json" \
    test -s "$work/$out/evaluation/calibration_end=$calibration_end/evaluation.json"
done

check "spark-submit.sh outputs of $d1 equal run-local.sh's" \
  compare_outputs "$work/out-run-local" "$work/out-spark-submit" "$d1" "spark-submit vs run-local, $d1"
no_escape_codes() { ! grep -l $'\e' "$work"/*.log; }
check "no terminal escape code in the wrappers' output" no_escape_codes
build_jar
jar tf "$APP_JAR" >"$work/jar-contents.txt"
check "the jar has no Netty classes or native libraries" \
  test "$(grep -cE '^(META-INF/native/|io/netty/)' "$work/jar-contents.txt")" -eq 0

log "done in $((SECONDS - started))s"
echo "test-wrappers: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
