#!/usr/bin/env bash
# Stand-in for the Kafka tarball's bin/kafka-run-class.sh: the variables it reads, without the rest of
# that script (development class paths, Scala versions, GC logging, JMX_PORT). Every tool script in
# /opt/kafka/bin runs through it, as in the official image.
base_dir="$(cd "$(dirname "$0")/.." && pwd)"

if [ -z "${KAFKA_HEAP_OPTS-}" ]; then KAFKA_HEAP_OPTS="-Xmx256M"; fi
if [ -z "${KAFKA_JVM_PERFORMANCE_OPTS-}" ]; then
  KAFKA_JVM_PERFORMANCE_OPTS="-server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -XX:MaxInlineLevel=15 -Djava.awt.headless=true"
fi
if [ -z "${KAFKA_LOG4J_OPTS-}" ]; then KAFKA_LOG4J_OPTS="-Dlog4j2.configurationFile=$base_dir/config/tools-log4j2.yaml"; fi

# kafka-server-start.sh passes these launcher options; they only name the GC log and daemon mode.
while [ $# -gt 0 ]; do
  case "$1" in
    -name) shift 2 ;;
    -loggc | -daemon) shift ;;
    *) break ;;
  esac
done

# shellcheck disable=SC2086 # each *_OPTS variable holds several JVM options
exec java $KAFKA_HEAP_OPTS $KAFKA_JVM_PERFORMANCE_OPTS ${KAFKA_JMX_OPTS-} $KAFKA_LOG4J_OPTS ${KAFKA_OPTS-} \
  -cp "$base_dir/libs/*${CLASSPATH:+:$CLASSPATH}" "$@"
