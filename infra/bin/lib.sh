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

# ---------- generated development secrets -----------------------------------------------------
# Passwords and the local CA are generated on first use into $INFRA_VAR_DIR/secrets (git-ignored,
# never committed) and reused afterwards. @platform/config reads the same files.

SECRETS_DIR="$INFRA_VAR_DIR/secrets"
CREDENTIALS_FILE="$SECRETS_DIR/credentials.env"
# broker: inter-broker traffic; controller: the internal controller listener; admin: tooling that
# creates topics and ACLs (contracts:apply, tests); operator: people's tools (console consumer, events CLI).
KAFKA_PRINCIPALS=(broker controller admin operator order inventory payment notification)
KAFKA_CLIENT_PRINCIPALS=(admin operator order inventory payment notification)

kafka_security_on() {
  case "${KAFKA_SECURITY:-sasl_ssl}" in
  sasl_ssl) return 0 ;;
  plaintext) return 1 ;;
  *) die "KAFKA_SECURITY must be sasl_ssl or plaintext, not '$KAFKA_SECURITY'" ;;
  esac
}

# A line KEY=<random> is appended for every key the file lacks; existing ones are kept.
ensure_local_secrets() {
  mkdir -p "$SECRETS_DIR" && chmod 700 "$SECRETS_DIR"
  touch "$CREDENTIALS_FILE" && chmod 600 "$CREDENTIALS_FILE"
  local key name
  local keys=(KAFKA_KEYSTORE_PASSWORD)
  for name in "${KAFKA_PRINCIPALS[@]}"; do keys+=("KAFKA_PASSWORD_${name^^}"); done
  for name in order inventory payment notification; do keys+=("POSTGRES_PASSWORD_${name^^}"); done
  for key in "${keys[@]}"; do
    grep -q "^$key=" "$CREDENTIALS_FILE" || echo "$key=$(openssl rand -hex 24)" >>"$CREDENTIALS_FILE"
  done
}

secret() {
  local value
  value="$(grep "^$1=" "$CREDENTIALS_FILE" 2>/dev/null | head -n1 | cut -d= -f2-)"
  [[ -n "$value" ]] || die "no $1 in $CREDENTIALS_FILE; 'infra/bin/infra up' generates it"
  echo "$value"
}

# A local CA and the broker's certificate for localhost (and $KAFKA_HOST), as PKCS12 for the broker;
# clients trust kafka-ca.pem.
ensure_kafka_tls() {
  command -v openssl >/dev/null || die "kafka: openssl is needed to generate the local TLS certificates (apt-get install openssl)."
  local ca_key="$SECRETS_DIR/kafka-ca.key" ca="$SECRETS_DIR/kafka-ca.pem" keystore="$SECRETS_DIR/kafka-broker.p12"
  if [[ ! -f "$ca" || ! -f "$ca_key" ]]; then
    openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 -keyout "$ca_key" -out "$ca" \
      -subj "/CN=kafka-saga-platform local development CA" 2>/dev/null || die "kafka: generating the local CA failed"
    rm -f "$keystore"
  fi
  [[ -f "$keystore" ]] && return 0
  local work
  work="$(mktemp -d)"
  openssl req -newkey rsa:2048 -nodes -sha256 -keyout "$work/broker.key" -out "$work/broker.csr" -subj "/CN=$KAFKA_HOST" 2>/dev/null &&
    printf 'subjectAltName=DNS:localhost,IP:127.0.0.1,DNS:%s\n' "$KAFKA_HOST" >"$work/san.ext" &&
    openssl x509 -req -sha256 -days 825 -in "$work/broker.csr" -CA "$ca" -CAkey "$ca_key" -CAcreateserial \
      -CAserial "$work/ca.srl" -extfile "$work/san.ext" -out "$work/broker.pem" 2>/dev/null &&
    openssl pkcs12 -export -in "$work/broker.pem" -inkey "$work/broker.key" -certfile "$ca" -name broker \
      -out "$keystore" -passout "pass:$(secret KAFKA_KEYSTORE_PASSWORD)" ||
    die "kafka: generating the broker certificate failed"
  chmod 600 "$ca_key" "$keystore"
  rm -rf "$work"
}

# The Java client properties of a principal (for the kafka-* tools' --command-config).
kafka_client_properties() {
  local principal="$1" file="$SECRETS_DIR/kafka-$1.properties"
  [[ -f "$SECRETS_DIR/kafka-ca.pem" ]] || die "no Kafka credentials in $SECRETS_DIR yet; 'infra/bin/infra up kafka' generates them (or set KAFKA_SECURITY=plaintext for a plaintext broker)"
  cat >"$file" <<PROPERTIES
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="$principal" password="$(secret "KAFKA_PASSWORD_${principal^^}")";
ssl.truststore.type=PEM
ssl.truststore.location=$SECRETS_DIR/kafka-ca.pem
PROPERTIES
  chmod 600 "$file"
  echo "$file"
}

# Sets TOOL_ARGS for a kafka-* tool: the local broker unless --bootstrap-server (or bootstrap.servers=)
# is given, and the principal's client properties ($KAFKA_PRINCIPAL, else the tool's default) unless
# --command-config is.
kafka_tool_args() {
  local default_principal="$1"
  shift
  TOOL_ARGS=("$@")
  [[ " $* " == *" --help "* || " $* " == *" --version "* ]] && return 0
  [[ " $* " == *" --bootstrap-server "* || "$*" == *"bootstrap.servers="* ]] ||
    TOOL_ARGS=(--bootstrap-server "$KAFKA_HOST:$KAFKA_PORT" "${TOOL_ARGS[@]}")
  if kafka_security_on && [[ " $* " != *" --command-config "* ]]; then
    local properties
    properties="$(kafka_client_properties "${KAFKA_PRINCIPAL:-$default_principal}")" || exit 1
    TOOL_ARGS+=(--command-config "$properties")
  fi
}
