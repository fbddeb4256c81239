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

# Compiles the project when a source, the configuration or the pom changed since the last build,
# and writes target/classpath.txt (compile + provided scope: Spark included) when the pom changed.
build_classpath() {
  local stamp="$ROOT/target/.classes-stamp"
  if [[ ! -f "$stamp" ]] || [[ -n "$(find "$ROOT/src/main" "$ROOT/conf" "$ROOT/pom.xml" -newer "$stamp" -print -quit)" ]]; then
    echo "Building (mvn compile)..." >&2
    (cd "$ROOT" && mvn -B -q compile) >&2
    touch "$stamp"
  fi
  if [[ ! -f "$ROOT/target/classpath.txt" ]] || [[ "$ROOT/pom.xml" -nt "$ROOT/target/classpath.txt" ]]; then
    (cd "$ROOT" && mvn -B -q dependency:build-classpath -Dmdep.includeScope=compile \
      -Dmdep.outputFile=target/classpath.txt) >&2
  fi
  CLASSPATH_LOCAL="$ROOT/target/classes:$(cat "$ROOT/target/classpath.txt")"
}
