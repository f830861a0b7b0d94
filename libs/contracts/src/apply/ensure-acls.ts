import {
  type Admin,
  type AclEntry,
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  ResourcePatternTypes,
} from 'kafkajs';
import type { AccessRule } from '../catalogue/access-rules';

const RESOURCE_TYPES: Record<AccessRule['resource'], AclResourceTypes> = {
  topic: AclResourceTypes.TOPIC,
  group: AclResourceTypes.GROUP,
  cluster: AclResourceTypes.CLUSTER,
};

/**
 * Grants every rule (creating an ACL that exists already changes nothing). ACLs of rules that were
 * removed from the catalogue stay until an operator deletes them (`kafka-acls --remove`).
 */
export async function ensureAcls(admin: Admin, rules: readonly AccessRule[]): Promise<number> {
  const acl: AclEntry[] = rules.flatMap((rule) =>
    rule.operations.map((operation) => ({
      resourceType: RESOURCE_TYPES[rule.resource],
      resourceName: rule.name,
      resourcePatternType: ResourcePatternTypes.LITERAL,
      principal: `User:${rule.principal}`,
      host: '*',
      operation: AclOperationTypes[operation],
      permissionType: AclPermissionTypes.ALLOW,
    })),
  );
  await admin.createAcls({ acl });
  return acl.length;
}
