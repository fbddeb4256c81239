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
