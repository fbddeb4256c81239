#!/usr/bin/env bash
# Generates simulated daily transaction export files (org.custseg.sample.SampleGenerator).
# Usage: jobs/generate-sample.sh --out DIR [--customers N | --rows N] [--days D] [--end-date YYYY-MM-DD]
#        [--seed S] [--dirty-rate R] [--duplicate-rate R] [--refund-rate R] [--format csv|csv.gz] ...
#        jobs/generate-sample.sh --help
# Environment: JAVA_OPTS (default -Xmx4g; about 16 bytes a customer are needed, e.g. 15M customers ~ 250 MB),
#              SKIP_BUILD=1 to reuse target/classes and target/classpath.txt as they are.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$ROOT"

CP_FILE="target/classpath.txt"
if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  mvn_quiet compile >&2
  if [[ ! -s "$CP_FILE" || pom.xml -nt "$CP_FILE" ]]; then
    mvn_quiet dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=compile >&2
  fi
fi
if [[ ! -d target/classes || ! -s "$CP_FILE" ]]; then
  echo "generate-sample: target/classes or $CP_FILE missing; run without SKIP_BUILD=1" >&2
  exit 2
fi

# Relative paths given with --out are resolved against the caller's directory.
ARGS=()
EXPECT_OUT=0
for arg in "$@"; do
  if [[ $EXPECT_OUT == 1 ]]; then
    [[ "$arg" == /* ]] || arg="$OLDPWD/$arg"
    EXPECT_OUT=0
  elif [[ "$arg" == --out ]]; then
    EXPECT_OUT=1
  elif [[ "$arg" == --out=* ]]; then
    val="${arg#--out=}"
    [[ "$val" == /* ]] || val="$OLDPWD/$val"
    arg="--out=$val"
  fi
  ARGS+=("$arg")
done

# shellcheck disable=SC2086
exec java ${JAVA_OPTS:--Xmx4g} -cp "target/classes:$(cat "$CP_FILE")" org.custseg.sample.SampleGenerator "${ARGS[@]+"${ARGS[@]}"}"
