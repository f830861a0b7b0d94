/** The two kinds of REST caller. A token may carry other roles too; only these grant anything here. */
export const ROLES = ['customer', 'operator'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as the verified token says: its subject and the platform roles it holds. */
export interface Principal {
  subject: string;
  roles: Role[];
}

/** Reads the principal out of verified claims; `rolesClaim` may be a dotted path (realm_access.roles). */
export function principalFromClaims(
  claims: Record<string, unknown>,
  { subjectClaim, rolesClaim }: { subjectClaim: string; rolesClaim: string },
): Principal | { problem: string } {
  const subject = claims[subjectClaim];
  if (typeof subject !== 'string' || subject.trim() === '')
    return { problem: `the token has no ${subjectClaim} claim naming the caller` };
  let roles: unknown = claims;
  for (const part of rolesClaim.split('.')) {
    roles = roles && typeof roles === 'object' ? (roles as Record<string, unknown>)[part] : undefined;
  }
  // Some IdPs write a single role as a string, or space-separated like the scope claim.
  const names = Array.isArray(roles) ? roles : typeof roles === 'string' ? roles.split(' ') : [];
  return { subject, roles: ROLES.filter((role) => names.includes(role)) };
}
