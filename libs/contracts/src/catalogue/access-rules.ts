import { APP_NAMES, type AppName, type KafkaPrincipal } from '@platform/config';
import { DEAD_LETTER_APPS, deadLetterTopic } from './dead-letter-topics';
import { CATALOGUE_ENTRIES, topicsConsumedBy } from './event-catalogue';

/** The consumer group of an app's event consumer; its principal may use no other. */
export function consumerGroupOf(app: AppName): string {
  return `${app}-service`;
}

export type AclOperation = 'READ' | 'WRITE' | 'DESCRIBE' | 'DELETE' | 'IDEMPOTENT_WRITE';

/** The name Kafka gives the one cluster resource. */
export const CLUSTER_RESOURCE = 'kafka-cluster';

/**
 * One thing a principal is allowed on the broker. Anything not granted is refused: the broker's
 * StandardAuthorizer runs with allow.everyone.if.no.acl.found=false, and only the broker, the
 * controller and `admin` are super users.
 */
export interface AccessRule {
  principal: KafkaPrincipal;
  resource: 'topic' | 'group' | 'cluster';
  /** `*` is Kafka's wildcard: every resource of the type. */
  name: string;
  operations: readonly AclOperation[];
}

/**
 * Who may do what, derived from the event catalogue: each app writes the topics it produces and its
 * own dead-letter topic, reads the topics it consumes, and uses its own consumer group only. The
 * operator reads every topic with any group (console consumer, `events tail|trace`, `dlq list`) and
 * writes the saga topics, which `dlq redrive` puts dead letters back onto.
 */
export function accessRules(): AccessRule[] {
  // Every app and the operator (re-drive) publish with kafkajs's idempotent producer, whose
  // InitProducerId the broker authorizes against the cluster.
  const idempotentWrite = (principal: KafkaPrincipal): AccessRule => ({
    principal,
    resource: 'cluster',
    name: CLUSTER_RESOURCE,
    operations: ['IDEMPOTENT_WRITE'],
  });
  const rules: AccessRule[] = [];
  for (const app of APP_NAMES) {
    rules.push(idempotentWrite(app));
    for (const entry of CATALOGUE_ENTRIES.filter((e) => e.producer === app))
      rules.push({ principal: app, resource: 'topic', name: entry.topic, operations: ['WRITE', 'DESCRIBE'] });
    if (DEAD_LETTER_APPS.includes(app))
      rules.push({
        principal: app,
        resource: 'topic',
        name: deadLetterTopic(app),
        operations: ['WRITE', 'DESCRIBE'],
      });
    for (const topic of topicsConsumedBy(app))
      rules.push({ principal: app, resource: 'topic', name: topic, operations: ['READ', 'DESCRIBE'] });
    if (topicsConsumedBy(app).length > 0)
      rules.push({ principal: app, resource: 'group', name: consumerGroupOf(app), operations: ['READ'] });
  }
  rules.push(
    idempotentWrite('operator'),
    { principal: 'operator', resource: 'topic', name: '*', operations: ['READ', 'DESCRIBE'] },
    { principal: 'operator', resource: 'group', name: '*', operations: ['READ', 'DESCRIBE', 'DELETE'] },
    ...CATALOGUE_ENTRIES.map((entry): AccessRule => ({
      principal: 'operator',
      resource: 'topic',
      name: entry.topic,
      operations: ['WRITE'],
    })),
  );
  return rules;
}
