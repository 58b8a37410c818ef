#!/usr/bin/env bash
# Runs once per `docker compose up`, as the broker's admin: SCRAM users, topics and ACLs. Every step may run again.
set -euo pipefail
bin=/opt/kafka/bin
bootstrap=kafka:19092
admin=$(mktemp)
cat > "$admin" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}";
PROPERTIES

user() { # name password
  "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --alter \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]" --entity-type users --entity-name "$1"
}
topic() { # name
  "$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --create --if-not-exists \
    --topic "$1" --partitions 3 --replication-factor 1 --config retention.ms=-1
}
allow() { # principal operation resource...
  local principal=$1 operation=$2
  shift 2
  "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --add \
    --allow-principal "User:$principal" --operation "$operation" "$@"
}

user command-service "$KAFKA_COMMAND_SERVICE_PASSWORD"
user query-service "$KAFKA_QUERY_SERVICE_PASSWORD"
user upstream "$KAFKA_UPSTREAM_PASSWORD"

for name in customer-order-events customer-order-events.dlq upstream-order-events upstream-order-events.dlq; do
  topic "$name"
done

# The command side: publishes domain events, consumes upstream messages, dead-letters what it cannot read.
allow command-service Write --topic customer-order-events
allow command-service Describe --topic customer-order-events
allow command-service Read --topic upstream-order-events
allow command-service Describe --topic upstream-order-events
allow command-service Write --topic upstream-order-events.dlq
allow command-service Read --topic upstream-order-events.dlq
allow command-service Describe --topic upstream-order-events.dlq
allow command-service Read --group command-service-upstream
allow command-service Write --transactional-id '*' --resource-pattern-type prefixed
allow command-service IdempotentWrite --cluster
# The query side: reads domain events (its own consumer groups, rebuilds included), keeps its dead letters.
allow query-service Read --topic customer-order-events
allow query-service Describe --topic customer-order-events
allow query-service Write --topic customer-order-events.dlq
allow query-service Read --topic customer-order-events.dlq
allow query-service Describe --topic customer-order-events.dlq
allow query-service Read --group query-service- --resource-pattern-type prefixed
allow query-service IdempotentWrite --cluster
# Upstream order systems: may send to the inbound topic, nothing else.
allow upstream Write --topic upstream-order-events
allow upstream Describe --topic upstream-order-events
allow upstream IdempotentWrite --cluster

rm -f "$admin"
echo "Kafka users, topics and ACLs are in place."
