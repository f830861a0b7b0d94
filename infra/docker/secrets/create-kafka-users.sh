#!/usr/bin/env bash
# docker-compose.yml's `kafka-users` job: gives every client principal its SCRAM-SHA-512 credential,
# with the password the secrets job generated. The official apache/kafka image formats its storage
# itself, without `--add-scram`, so the users are created once the broker runs, through the admin API
# (kafka-configs.sh --alter --add-config SCRAM-SHA-512=...), authenticated as the broker's own
# PLAIN identity, a super user (infra/docker/stand-ins/kafka/contract.yml has the sources).
# Setting a credential that exists already just sets it again: the job runs at every `up`.
set -euo pipefail
cd /etc/kafka/secrets
for principal in admin operator registry order inventory payment notification; do
  /opt/kafka/bin/kafka-configs.sh --bootstrap-server kafka:29092 --command-config kafka-broker.properties \
    --alter --entity-type users --entity-name "$principal" \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=$(cat "kafka-$principal.password")]"
done

# The schema registry's grants: its _schemas topic (which it creates and checks the configuration
# of) and its consumer group. Granted here rather than by the contracts job with the apps' grants,
# because the contracts job registers schemas, so it starts only once the registry is healthy, and
# the registry cannot become healthy before it may use its topic.
acl() {
  /opt/kafka/bin/kafka-acls.sh --bootstrap-server kafka:29092 --command-config kafka-broker.properties \
    --add --allow-principal User:registry --resource-pattern-type prefixed "$@"
}
acl --topic _schemas --operation Read --operation Write --operation Describe --operation DescribeConfigs --operation Create
acl --group schema-registry --operation Read --operation Describe
