/** The registry's compatibility levels (Confluent API names, which Apicurio's ccompat API shares). */
export type CompatibilityLevel =
  'NONE' | 'BACKWARD' | 'BACKWARD_TRANSITIVE' | 'FORWARD' | 'FORWARD_TRANSITIVE' | 'FULL' | 'FULL_TRANSITIVE';

/**
 * Every subject's level. FULL because producers and consumers deploy independently, in either order:
 * BACKWARD alone lets consumers on the new schema read old events, but a producer deployed first
 * could remove a field that consumers still on the old schema need. TRANSITIVE because topics keep
 * old events and a consumer replaying them reads every version ever written, not only the last one.
 */
export const SCHEMA_COMPATIBILITY: CompatibilityLevel = 'FULL_TRANSITIVE';

/** Which directions a level checks: can the new schema read old events, can old readers read new ones. */
export function compatibilityDirections(level: CompatibilityLevel): {
  backward: boolean;
  forward: boolean;
  transitive: boolean;
} {
  return {
    backward: level.startsWith('BACKWARD') || level.startsWith('FULL'),
    forward: level.startsWith('FORWARD') || level.startsWith('FULL'),
    transitive: level.endsWith('_TRANSITIVE'),
  };
}
