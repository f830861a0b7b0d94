import { z } from 'zod';

const commaList = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

/**
 * How the apps check the bearer tokens of REST callers: any OAuth 2.0 / OpenID Connect issuer that
 * publishes its signing keys as a JWKS. Locally `npm start` runs a development issuer and fills
 * these in; against Keycloak or another IdP they name that IdP (see the README's Security section).
 *
 * AUTH_MODE=off exists only to measure what token checks cost (bench:orders); an app started so
 * says so loudly in its log, and every caller is treated as an operator.
 */
export const authSettingsSchema = z
  .object({
    AUTH_MODE: z.enum(['jwt', 'off']).default('jwt'),
    AUTH_ISSUER: z.url({ error: 'must be the issuer URL, exactly as in the tokens’ iss claim' }).optional(),
    AUTH_AUDIENCE: z.string().trim().min(1).optional(),
    AUTH_JWKS_URL: z
      .url({ protocol: /^https?$/, error: 'must be the http(s) URL of the issuer’s JWKS' })
      .optional(),
    /** Where the roles are in the token: a top-level claim, or a dotted path such as realm_access.roles (Keycloak). */
    AUTH_ROLES_CLAIM: z.string().trim().min(1).default('roles'),
    /** The claim that names the caller; a customer's orders carry it as customerId. */
    AUTH_SUBJECT_CLAIM: z.string().trim().min(1).default('sub'),
    AUTH_ALGORITHMS: commaList.default(['RS256', 'ES256']),
    /** Seconds of clock difference tolerated for exp and nbf. */
    AUTH_CLOCK_TOLERANCE_S: z.coerce.number().int().min(0).max(300).default(5),
    /**
     * Seconds a verified token is remembered (never past its exp), so repeated requests skip the
     * signature check; 0 checks every request. The cost: a key the IdP withdraws still admits the
     * tokens it signed, if seen in the last this-many seconds, until they are forgotten.
     */
    AUTH_VERIFIED_TOKEN_TTL_S: z.coerce.number().int().min(0).max(3600).default(60),
  })
  .superRefine((settings, context) => {
    if (settings.AUTH_MODE === 'off') return;
    for (const name of ['AUTH_ISSUER', 'AUTH_AUDIENCE', 'AUTH_JWKS_URL'] as const) {
      if (settings[name] === undefined)
        context.addIssue({ code: 'custom', path: [name], message: 'is required' });
    }
  });

export type AuthSettings = z.infer<typeof authSettingsSchema>;
