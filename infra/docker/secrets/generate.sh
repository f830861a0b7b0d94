#!/usr/bin/env bash
# docker-compose.yml's `secrets` job: generates, on the first `docker compose up`, everything the stack
# authenticates with, into the `secrets` volume (mounted here at /etc/kafka/secrets, where the
# apache/kafka image looks for its keystore). Runs at every `up` and keeps what exists, so passwords
# and the certificate survive restarts; `docker compose down -v` forgets them. Nothing here is ever
# committed: the files exist only in the volume.
#
#   kafka.broker.p12, kafka.keystore.credentials   the broker's TLS key and certificate (self-signed,
#                                                  for kafka and localhost), and its keystore password
#   ca.pem                                         that certificate: what clients trust
#   kafka-server-jaas.conf                         the broker's SASL logins (KAFKA_OPTS points at it)
#   kafka-<principal>.password                     a SCRAM-SHA-512 password per client principal
#   kafka-<principal>.properties                   Java client settings of broker (PLAIN, creates the
#                                                  SCRAM users) and operator (the README's console consumer)
#   kafka-registry.jaas                            the schema registry's login line
#   postgres-<role>.password                       the database superuser's and each app role's password
#
# Files are readable by every container that mounts the volume (each runs as its own user id); only
# the stack's own containers mount it.
set -euo pipefail
cd /etc/kafka/secrets
umask 022

random() { head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
ensure_password() { [[ -s "$1" ]] || random >"$1"; }

for principal in admin operator registry order inventory payment notification broker controller; do
  ensure_password "kafka-$principal.password"
done
for role in postgres order_service inventory_service payment_service notification_service; do
  ensure_password "postgres-$role.password"
done
ensure_password kafka.keystore.credentials

if [[ ! -s kafka.broker.p12 ]]; then
  rm -f ca.pem
  keytool -genkeypair -keystore kafka.broker.p12 -storetype PKCS12 -storepass:file kafka.keystore.credentials \
    -alias broker -keyalg RSA -keysize 2048 -validity 3650 -dname "CN=kafka" \
    -ext "SAN=dns:kafka,dns:localhost,ip:127.0.0.1" -ext "BC=ca:true" 2>&1
fi
[[ -s ca.pem ]] || keytool -exportcert -rfc -keystore kafka.broker.p12 -storetype PKCS12 \
  -storepass:file kafka.keystore.credentials -alias broker -file ca.pem 2>&1

password() { cat "kafka-$1.password"; }

# The broker's logins per listener: CONTROLLER speaks PLAIN with the controller's own password; on
# the container listener the broker itself uses PLAIN (inter-broker, and the kafka-users job that
# creates the SCRAM users, which cannot exist before the broker runs); clients use SCRAM-SHA-512,
# whose credentials live in the cluster metadata.
cat >kafka-server-jaas.conf.new <<JAAS
controller.KafkaServer {
  org.apache.kafka.common.security.plain.PlainLoginModule required
    username="controller" password="$(password controller)" user_controller="$(password controller)";
};
sasl_ssl.KafkaServer {
  org.apache.kafka.common.security.plain.PlainLoginModule required
    username="broker" password="$(password broker)" user_broker="$(password broker)";
  org.apache.kafka.common.security.scram.ScramLoginModule required;
};
external_sasl_ssl.KafkaServer {
  org.apache.kafka.common.security.scram.ScramLoginModule required;
};
JAAS
mv kafka-server-jaas.conf.new kafka-server-jaas.conf

client_properties() {
  local principal="$1" mechanism="$2" module="$3"
  cat <<PROPS
security.protocol=SASL_SSL
sasl.mechanism=$mechanism
sasl.jaas.config=$module required username="$principal" password="$(password "$principal")";
ssl.truststore.type=PEM
ssl.truststore.location=/etc/kafka/secrets/ca.pem
PROPS
}
client_properties broker PLAIN org.apache.kafka.common.security.plain.PlainLoginModule >kafka-broker.properties
client_properties operator SCRAM-SHA-512 org.apache.kafka.common.security.scram.ScramLoginModule >kafka-operator.properties
# The schema registry's login, as the JAAS line its image reads from SCHEMA_REGISTRY_KAFKASTORE_SASL_JAAS_CONFIG.
printf 'org.apache.kafka.common.security.scram.ScramLoginModule required username="registry" password="%s";' \
  "$(password registry)" >kafka-registry.jaas
chmod 600 kafka-broker.properties
echo "secrets: ready in the secrets volume ($(ls | wc -l) files)"
