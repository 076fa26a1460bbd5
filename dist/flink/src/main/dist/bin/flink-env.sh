# shellcheck shell=bash
# Sourced by bin/jobmanager, bin/taskmanager and bin/flink: locations, Java and the JVM
# options every Flink JVM needs. Not meant to be run by itself.

FLINK_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FLINK_BIN_DIR="$FLINK_HOME/bin"
FLINK_LIB_DIR="$FLINK_HOME/lib"
FLINK_CONF_DIR="${FLINK_CONF_DIR:-$FLINK_HOME/conf}"
export FLINK_HOME FLINK_BIN_DIR FLINK_LIB_DIR FLINK_CONF_DIR
if [[ -d "$FLINK_HOME/plugins" ]]; then
  export FLINK_PLUGINS_DIR="${FLINK_PLUGINS_DIR:-$FLINK_HOME/plugins}"
fi

if [[ ! -r "$FLINK_CONF_DIR/config.yaml" ]]; then
  echo "$(basename "$0"): no config.yaml in FLINK_CONF_DIR=$FLINK_CONF_DIR" >&2
  exit 2
fi

FLINK_JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
FLINK_CLASSPATH="$FLINK_LIB_DIR/*"

# What Flink's default config.yaml passes as env.java.opts.all: Java 17 closes these
# packages, and Flink (Kryo, RocksDB, networking, the CLI) reflects into them.
FLINK_JAVA17_OPTS=(
  --add-exports=java.base/sun.net.util=ALL-UNNAMED
  --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED
  --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.text=ALL-UNNAMED
  --add-opens=java.base/java.time=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED
)

# Splits "-D key=value", "-Dkey=value" and everything else of a daemon's arguments:
# BashJavaUtils accepts only --configDir and -D options.
flink_dynamic_properties() {
  FLINK_DYNAMIC_PROPERTIES=()
  while [[ $# -gt 0 ]]; do
    case "$1" in
      -D) FLINK_DYNAMIC_PROPERTIES+=("-D" "${2:?"-D needs key=value"}"); shift 2 ;;
      -D*) FLINK_DYNAMIC_PROPERTIES+=("$1"); shift ;;
      *) shift ;;
    esac
  done
}

# Runs BashJavaUtils <command> as Flink's own scripts do and sets FLINK_RESOURCE_JVM_PARAMS
# (first result line: -Xmx, -Xms, direct and metaspace limits) and FLINK_RESOURCE_DYNAMIC_PARAMS
# (second line: the derived memory sizes as -D options; empty for the JobManager).
flink_resource_params() {
  local command=$1
  shift
  local output results
  if ! output=$("$FLINK_JAVA" "${FLINK_JAVA17_OPTS[@]}" \
      "-Dlog4j.configurationFile=file:$FLINK_CONF_DIR/log4j-cli.properties" \
      -cp "$FLINK_CLASSPATH" org.apache.flink.runtime.util.bash.BashJavaUtils \
      "$command" --configDir "$FLINK_CONF_DIR" "$@" 2>&1); then
    echo "$(basename "$0"): BashJavaUtils $command failed:" >&2
    echo "$output" >&2
    exit 1
  fi
  results=$(grep '^BASH_JAVA_UTILS_EXEC_RESULT:' <<<"$output" | sed 's/^BASH_JAVA_UTILS_EXEC_RESULT://') || true
  if [[ -z "$results" ]]; then
    echo "$(basename "$0"): BashJavaUtils $command printed no result:" >&2
    echo "$output" >&2
    exit 1
  fi
  # shellcheck disable=SC2034 # read by the sourcing script
  FLINK_RESOURCE_JVM_PARAMS=$(head -n 1 <<<"$results")
  # shellcheck disable=SC2034
  FLINK_RESOURCE_DYNAMIC_PARAMS=$(sed -n 2p <<<"$results")
}

# Runs a Flink daemon in the foreground (exec: systemd and bin/local-stack signal the JVM
# itself, and SIGTERM runs Flink's shutdown hooks).
flink_exec_daemon() {
  local main_class=$1 jvm_params=$2
  shift 2
  # shellcheck disable=SC2086 # option variables are space-separated lists on purpose
  exec "$FLINK_JAVA" $jvm_params -XX:+UseG1GC "${FLINK_JAVA17_OPTS[@]}" \
    ${FLINK_JVM_OPTS:-} ${JAVA_AGENT_OPTS:-} \
    "-Dlog4j.configurationFile=file:$FLINK_CONF_DIR/log4j-console.properties" \
    -cp "$FLINK_CLASSPATH" "$main_class" --configDir "$FLINK_CONF_DIR" "$@"
}
