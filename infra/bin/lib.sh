# Shared by the scripts in infra/bin: where things live, the local defaults, and the Java to use.
# Sourced, never run.

INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_ROOT="$(cd "$INFRA_DIR/.." && pwd)"

# Defaults from infra/local.env; anything already exported wins.
while IFS='=' read -r key value; do
  [[ -z "$key" || "$key" == \#* ]] && continue
  [[ -z "${!key+set}" ]] && export "$key=$value"
done <"$INFRA_DIR/local.env"

# Downloads (reused across runs) and runtime state (data, pids, logs) are kept apart so a test can
# run a second registry with its own state while sharing the downloaded archive.
INFRA_OPT_DIR="${INFRA_OPT_DIR:-$REPO_ROOT/.local/opt}"
INFRA_VAR_DIR="${INFRA_VAR_DIR:-$REPO_ROOT/.local/var}"
KAFKA_LIBS_DIR="$INFRA_OPT_DIR/kafka/libs"

say() { printf '[infra] %s\n' "$*" >&2; }
die() {
  printf '[infra] ERROR: %s\n' "$*" >&2
  exit 1
}

# Downloads the broker's jars from Maven Central once; a changed pom.xml triggers a fresh copy.
ensure_kafka_libs() {
  local stamp="$INFRA_OPT_DIR/kafka/pom.sha256" want
  want="$(sha256sum "$INFRA_DIR/kafka/pom.xml" | cut -d' ' -f1)"
  if [[ -d "$KAFKA_LIBS_DIR" && "$(cat "$stamp" 2>/dev/null)" == "$want" ]]; then return 0; fi
  command -v mvn >/dev/null || die "Maven (mvn) is needed once to download Kafka from Maven Central; install it (apt-get install maven)."
  mkdir -p "$INFRA_OPT_DIR/kafka" "$INFRA_VAR_DIR/log"
  local log="$INFRA_VAR_DIR/log/download-kafka.log" tmp="$INFRA_OPT_DIR/kafka/libs.partial"
  say "downloading Kafka jars from Maven Central (first run only; log: $log)"
  rm -rf "$tmp"
  (cd "$INFRA_DIR/kafka" && mvn -B -q dependency:copy-dependencies -DoutputDirectory="$tmp") >"$log" 2>&1 ||
    die "Kafka download failed; see $log"
  rm -rf "$KAFKA_LIBS_DIR" && mv "$tmp" "$KAFKA_LIBS_DIR" && echo "$want" >"$stamp"
}

java_major() { "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'; }

# Prints a java binary of at least the given major version: $JAVA_HOME first, then PATH, then /usr/lib/jvm.
find_java() {
  local min="$1" candidate major
  for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} "$(command -v java 2>/dev/null)" /usr/lib/jvm/*/bin/java; do
    [[ -x "$candidate" ]] || continue
    major="$(java_major "$candidate")"
    if [[ -n "$major" && "${major%%.*}" -ge "$min" ]]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}
