#!/usr/bin/env bash
# Operations checks for CI (issue 8), to be called from .ci/run:
#   1. the Airflow DAG: compiles (python3 -m py_compile) and its tests pass (python3 -m unittest
#      discover -s jobs/airflow/tests: run date of a data interval, command, exit-code mapping,
#      the DAG built against stub Airflow 2 and 3 modules; Airflow not needed);
#   2. shell syntax of the scripts in jobs/;
#   3. the wrapper test (jobs/test-wrappers.sh): every job option through jobs/run-local.sh and
#      jobs/spark-submit.sh (its local fallback), exit codes and files, the two runs equal;
#   4. the PostgreSQL job-repository test against a real, throwaway PostgreSQL server
#      (installs the Debian package postgresql when no server binaries are found and apt-get
#      can be used; the test itself starts the server with initdb + pg_ctl on a free port);
#   5. the standalone-cluster test (jobs/cluster-test.sh: master + 2 workers from Spark's Maven
#      jars, outputs compared with the local run, an executor killed mid-run, cluster deploy mode).
#
#   .ci/ops-tests.sh [--all]
#
# --all also runs the restart / kill / concurrent-run / --force tests (mvn -Pops verify,
# about 10 more minutes). Default runtime on 2 cores: about 8 minutes, plus the wrapper test
# (8.5 minutes measured on a busy machine; docs/operations.md, "Tests").
# Exit code 0 when everything passed; each part's result is printed at the end.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

all=false
[[ "${1:-}" == --all ]] && all=true
export SPARK_LOCAL_IP=127.0.0.1
results=()
failed=0
started=$SECONDS

part() {
  local name="$1"
  shift
  local t0=$SECONDS
  echo "==== ops-tests: $name" >&2
  if "$@"; then
    results+=("PASS  $name ($((SECONDS - t0))s)")
  else
    results+=("FAIL  $name ($((SECONDS - t0))s)")
    failed=$((failed + 1))
  fi
}

dag_compiles() {
  local tmp
  tmp="$(mktemp -d)"
  # Compiled to a temporary directory: no __pycache__ in the checkout.
  python3 -c "import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)" \
    jobs/airflow/segmentation_dag.py "$tmp/dag.pyc"
  local rc=$?
  rm -rf "$tmp"
  return $rc
}

scripts_parse() {
  local f rc=0
  for f in jobs/*.sh jobs/lib/*.sh .ci/ops-tests.sh; do
    bash -n "$f" || rc=1
  done
  return $rc
}

postgres_available() {
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && return 0
  [[ -n "${PG_URL:-}" ]] && return 0
  if command -v apt-get >/dev/null 2>&1; then
    local sudo=""
    [[ $(id -u) -ne 0 ]] && sudo="sudo -n"
    echo "ops-tests: installing PostgreSQL (apt-get install postgresql)" >&2
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
    ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && return 0
  fi
  echo "ops-tests: no PostgreSQL server binaries and cannot install them" >&2
  return 1
}

postgres_test() {
  postgres_available || return 1
  mvn -B -q -Dstyle.color=never -Pops verify -Dit.test=PostgresJobRepositoryIT
}

dag_tests() {
  PYTHONDONTWRITEBYTECODE=1 python3 -m unittest discover -s jobs/airflow/tests
}

part "Airflow DAG compiles (python3 -m py_compile)" dag_compiles
part "Airflow DAG tests (python3 -m unittest discover -s jobs/airflow/tests)" dag_tests
part "scripts parse (bash -n)" scripts_parse
part "wrapper test: every job option through both wrappers (jobs/test-wrappers.sh)" jobs/test-wrappers.sh
part "PostgreSQL job repository (mvn -Pops verify -Dit.test=PostgresJobRepositoryIT)" postgres_test
part "standalone cluster vs local run, executor killed (jobs/cluster-test.sh)" jobs/cluster-test.sh
if [[ "$all" == true ]]; then
  part "restart, kill -9, concurrent runs, --force (mvn -Pops verify)" mvn -B -q -Dstyle.color=never -Pops verify
fi

echo "==== ops-tests summary ($((SECONDS - started))s)" >&2
printf '%s\n' "${results[@]}" >&2
exit $((failed > 0 ? 1 : 0))
