import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { principalOf } from './request-principal';
import type { Principal, Role } from './principal';

export const ACCESS_METADATA = 'platform:access';
export const RATE_LIMIT_METADATA = 'platform:rate-limit';

/** Who may call a route: anyone (`public`), or callers holding one of the roles. */
export type Access = 'public' | { roles: Role[] };

/**
 * The roles that may call this route (or every route of this controller). Routes that declare
 * nothing are for operators only, so a new route is never open by accident.
 */
export const Roles = (...roles: Role[]) => SetMetadata(ACCESS_METADATA, { roles } satisfies Access);

/** No token needed: health checks and the like. */
export const Public = () => SetMetadata(ACCESS_METADATA, 'public' satisfies Access);

/**
 * Limits how often one caller (the token's subject) may call this route; `name` picks the limit
 * from the app's `rateLimits` (set from its configuration). Over it: 429 with Retry-After.
 */
export const RateLimitPerCaller = (name: string) => SetMetadata(RATE_LIMIT_METADATA, name);

/** The verified caller of this request. Only on routes that are not @Public(). */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const principal = principalOf(context.switchToHttp().getRequest());
    if (!principal)
      throw new Error('@CurrentPrincipal() on a route without authentication (is it @Public()?)');
    return principal;
  },
);
