# Shared by the scripts in jobs/: the repository root, the JVM flags Spark needs on JDK 17+
# (the same list spark-submit adds), and building the local classpath.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"

SPARK_JAVA_OPTS=(
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false
  -Dio.netty.tryReflectionSetAccessible=true
)

# Maven, quiet and without terminal escape codes. -B turns colours off, but Maven 3.8's console
# library (Jansi) still writes a colour reset (ESC[0m) on each stream at exit, even with -q, into
# the scripts' output and logs: jansi.noreset (a JVM property, so in MAVEN_OPTS) stops it;
# style.color=never is the switch of Maven 3.9 and later.
mvn_quiet() {
  MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }-Djansi.noreset=true" mvn -B -q -Dstyle.color=never "$@"
}

# Compiles the project when a source, the configuration or the pom changed since the last build,
# and writes target/classpath.txt (compile + provided scope: Spark included) when the pom changed.
build_classpath() {
  local stamp="$ROOT/target/.classes-stamp"
  if [[ ! -f "$stamp" ]] || [[ -n "$(find "$ROOT/src/main" "$ROOT/conf" "$ROOT/pom.xml" -newer "$stamp" -print -quit)" ]]; then
    echo "Building (mvn compile)..." >&2
    (cd "$ROOT" && mvn_quiet compile) >&2
    touch "$stamp"
  fi
  if [[ ! -f "$ROOT/target/classpath.txt" ]] || [[ "$ROOT/pom.xml" -nt "$ROOT/target/classpath.txt" ]]; then
    (cd "$ROOT" && mvn_quiet dependency:build-classpath -Dmdep.includeScope=compile \
      -Dmdep.outputFile=target/classpath.txt) >&2
  fi
  CLASSPATH_LOCAL="$ROOT/target/classes:$(cat "$ROOT/target/classpath.txt")"
}

# Start-up of the local JVM (jobs/run-local.sh). A run on a small input spends most of its CPU
# compiling and loading classes rather than on the data (on the sample, the JIT compilers used
# more CPU time than the wall time of the run), so, unless JVM_STARTUP=plain:
#  - the job's classes go into a jar (target/run-local/classes.jar) and the JVM keeps a
#    class-data sharing archive of every class the job loads (target/run-local/*.jsa): the first
#    run writes it on exit, later runs map it instead of loading and verifying some 20,000 classes;
#    a new build, another classpath or another JDK writes a new one;
#  - below QUICK_JIT_BELOW_BYTES of input (default 8 MiB; 0 turns it off), only the quick
#    compiler (C1) compiles: on such inputs the optimising compiler's work never pays back.
# local_launch INPUT-BYTES WRITE-ARCHIVE: sets LAUNCH_OPTS (JVM flags) and LAUNCH_CLASSPATH;
# INPUT-BYTES is empty when the input's size is unknown; WRITE-ARCHIVE (true or false) says whether
# this run may write the archive (a nightly run, which loads every class the job uses; not --help
# or --validate-only). Call finish_local_launch after the JVM exited.
local_launch() {
  local input_bytes="$1" write_archive="$2" dir="$ROOT/target/run-local"
  LAUNCH_OPTS=()
  LAUNCH_CLASSPATH="$CLASSPATH_LOCAL"
  LAUNCH_ARCHIVE_TMP=""
  [[ "${JVM_STARTUP:-auto}" == plain ]] && return 0
  if [[ -n "$input_bytes" ]] && (( input_bytes < ${QUICK_JIT_BELOW_BYTES:-8388608} )); then
    LAUNCH_OPTS+=(-XX:TieredStopAtLevel=1)
  fi
  # Without a writable target/ or the JDK's jar tool, the run goes on without an archive.
  mkdir -p "$dir" 2>/dev/null || return 0
  # archives of runs killed while writing them
  find "$dir" -maxdepth 1 -name 'app-*.jsa.tmp' -mmin +60 -delete
  local jar="$dir/classes.jar"
  if [[ ! -f "$jar" ]] || [[ -n "$(find "$ROOT/target/classes" -newer "$jar" -print -quit)" ]]; then
    rm -f "$jar"
    if ! { jar cf "$jar.$$.tmp" -C "$ROOT/target/classes" . && mv -f "$jar.$$.tmp" "$jar"; }; then
      rm -f "$jar.$$.tmp"
      echo "WARNING: cannot write $jar; running without the class archive" >&2
      return 0
    fi
  fi
  LAUNCH_CLASSPATH="$jar:$(cat "$ROOT/target/classpath.txt")"
  local java key archive
  java="$(readlink -f "$(command -v java)")"
  key="$(printf '%s\n%s' "$java" "$LAUNCH_CLASSPATH" | cksum | cut -d' ' -f1)"
  archive="$dir/app-$key.jsa"
  LAUNCH_OPTS+=(-Xlog:cds=off -Xlog:cds+dynamic=off)
  if [[ -f "$archive" ]] && [[ "$archive" -nt "$jar" ]] && [[ "$archive" -nt "$ROOT/target/classpath.txt" ]]; then
    LAUNCH_OPTS+=(-XX:SharedArchiveFile="$archive")
  elif [[ "$write_archive" == true ]]; then
    LAUNCH_ARCHIVE="$archive"
    LAUNCH_ARCHIVE_TMP="$dir/app-$key.$$.jsa.tmp"
    LAUNCH_OPTS+=(-XX:ArchiveClassesAtExit="$LAUNCH_ARCHIVE_TMP")
  fi
}

# finish_local_launch EXIT-CODE: keeps the archive the run just wrote, in place of any older one,
# when the run succeeded (a failed run may not have loaded every class; a JVM killed by a signal
# may have left half an archive).
finish_local_launch() {
  if [[ -n "${LAUNCH_ARCHIVE_TMP:-}" ]] && [[ -s "$LAUNCH_ARCHIVE_TMP" ]] && (( $1 == 0 )); then
    find "$(dirname "$LAUNCH_ARCHIVE")" -maxdepth 1 -name 'app-*.jsa' ! -path "$LAUNCH_ARCHIVE" -delete
    mv -f "$LAUNCH_ARCHIVE_TMP" "$LAUNCH_ARCHIVE"
  fi
  [[ -n "${LAUNCH_ARCHIVE_TMP:-}" ]] && rm -f "$LAUNCH_ARCHIVE_TMP"
  return 0
}

# The size in bytes of a local input path (a file or a directory), or nothing when it is not a
# local path that exists (a glob, hdfs://, s3a://).
local_input_bytes() {
  local path="${1#file:}"
  [[ -e "$path" ]] || return 0
  du -sbL "$path" 2>/dev/null | cut -f1
}

# Spark's own jars, as a Spark distribution ships them in jars/: resolved by Maven from a
# one-dependency pom (spark-sql at the project's Spark version), without any of the job's
# dependencies. Used where no Spark distribution is installed: the spark-submit fallback in
# jobs/spark-submit.sh and the standalone cluster of jobs/cluster-test.sh. Sets SPARK_JARS_CLASSPATH.
spark_jars_classpath() {
  local dir="$ROOT/target/spark-dist"
  if [[ ! -f "$dir/classpath.txt" ]] || [[ "$ROOT/pom.xml" -nt "$dir/classpath.txt" ]]; then
    local version scala
    version="$(sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' "$ROOT/pom.xml" | head -1)"
    scala="$(sed -n 's:.*<scala.binary.version>\(.*\)</scala.binary.version>.*:\1:p' "$ROOT/pom.xml" | head -1)"
    mkdir -p "$dir"
    cat >"$dir/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.custseg</groupId>
  <artifactId>spark-dist</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.apache.spark</groupId>
      <artifactId>spark-sql_${scala}</artifactId>
      <version>${version}</version>
    </dependency>
  </dependencies>
</project>
POM
    echo "Resolving Spark ${version} jars (mvn dependency:build-classpath)..." >&2
    (cd "$dir" && mvn_quiet dependency:build-classpath -Dmdep.outputFile=classpath.txt) >&2
  fi
  SPARK_JARS_CLASSPATH="$(cat "$dir/classpath.txt")"
}

# Makes a minimal SPARK_HOME at $1 whose jars/ holds symlinks to Spark's jars from Maven: what a
# standalone worker needs to launch executors (and drivers in cluster deploy mode).
make_spark_home() {
  local home="$1" jar
  spark_jars_classpath
  mkdir -p "$home/jars" "$home/conf"
  IFS=':' read -r -a _jars <<<"$SPARK_JARS_CLASSPATH"
  for jar in "${_jars[@]}"; do
    ln -sfn "$jar" "$home/jars/$(basename "$jar")"
  done
}

# Builds the shaded jar (mvn package, tests skipped) when it is missing or older than the sources.
build_jar() {
  APP_JAR="$(ls "$ROOT"/target/customer-segmentation-*.jar 2>/dev/null | grep -v original- | head -1 || true)"
  if [[ -z "$APP_JAR" ]] || [[ -n "$(find "$ROOT/src/main" "$ROOT/conf/application.yml" "$ROOT/pom.xml" -newer "$APP_JAR" -print -quit)" ]]; then
    echo "Building the jar (mvn package -DskipTests)..." >&2
    (cd "$ROOT" && mvn_quiet package -DskipTests) >&2
    APP_JAR="$(ls "$ROOT"/target/customer-segmentation-*.jar | grep -v original- | head -1)"
  fi
}
