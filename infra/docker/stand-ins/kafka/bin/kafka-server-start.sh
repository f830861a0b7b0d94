#!/usr/bin/env bash
# Stand-in for the Kafka tarball's bin/kafka-server-start.sh: the same defaults (broker log4j file,
# a 1 GB heap unless KAFKA_HEAP_OPTS says otherwise), then the broker's main class.
if [ $# -lt 1 ]; then
  echo "USAGE: $0 server.properties [--override property=value]*"
  exit 1
fi
base_dir="$(dirname "$0")"
if [ -z "${KAFKA_LOG4J_OPTS-}" ]; then
  export KAFKA_LOG4J_OPTS="-Dlog4j2.configurationFile=$base_dir/../config/log4j2.yaml"
fi
if [ -z "${KAFKA_HEAP_OPTS-}" ]; then export KAFKA_HEAP_OPTS="-Xmx1G -Xms1G"; fi
exec "$base_dir/kafka-run-class.sh" kafka.Kafka "$@"
