import {
  ForbiddenException,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  ServiceUnavailableException,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { HttpAdapterHost, Reflector } from '@nestjs/core';
import { ACCESS_METADATA, RATE_LIMIT_METADATA, type Access } from './access.decorators';
import { AuthenticationError, IssuerUnavailableError } from './auth-errors';
import { AUTH_OPTIONS, type AuthOptions } from './auth-options';
import type { Principal } from './principal';
import { attachPrincipal, principalOf } from './request-principal';

interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
}
interface HttpReply {
  header(name: string, value: string | number): unknown;
}
type LimitCheck = (
  request: unknown,
) => Promise<{ isAllowed: boolean; isExceeded?: boolean; ttlInSeconds?: number }>;
interface RateLimitingFastify {
  createRateLimit?(options: {
    max: number;
    timeWindow: number;
    keyGenerator: (request: object) => string;
  }): LimitCheck;
}

const OPERATORS_ONLY: Access = { roles: ['operator'] };
/** With AUTH_MODE=off there is no caller to tell apart: everyone may do everything. */
const UNCHECKED: Principal = { subject: 'anonymous', roles: ['customer', 'operator'] };

/**
 * Every HTTP request passes here before its handler (event handlers are not HTTP and pass
 * untouched): the bearer token is verified (401 naming why not), the route's roles are checked
 * (403), the caller's rate limit for the route is counted (429 with Retry-After), and the
 * principal is attached for the handler. Routes without a declaration are for operators only.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly limiters = new Map<string, LimitCheck>();

  constructor(
    private readonly reflector: Reflector,
    private readonly adapterHost: HttpAdapterHost,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const access = this.reflector.getAllAndOverride<Access>(ACCESS_METADATA, targets) ?? OPERATORS_ONLY;
    if (access === 'public') return true;
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const reply = context.switchToHttp().getResponse<HttpReply>();

    const principal = this.options.verifier ? await this.authenticate(request, reply) : UNCHECKED;
    if (!access.roles.some((role) => principal.roles.includes(role))) {
      reply.header('WWW-Authenticate', `Bearer realm="${this.options.realm}", error="insufficient_scope"`);
      throw new ForbiddenException({
        statusCode: 403,
        error: 'ROLE_NOT_ALLOWED',
        message:
          `${request.method} ${request.url.split('?')[0]} needs the role ${access.roles.join(' or ')}; ` +
          `the token grants ${principal.roles.length > 0 ? principal.roles.join(', ') : 'no platform role'}`,
      });
    }
    attachPrincipal(request, principal);

    const limitName = this.reflector.get<string | undefined>(RATE_LIMIT_METADATA, context.getHandler());
    if (limitName && this.options.verifier) await this.countAgainstLimit(limitName, request, reply);
    return true;
  }

  private async authenticate(request: HttpRequest, reply: HttpReply): Promise<Principal> {
    try {
      const header = request.headers['authorization'];
      const value = Array.isArray(header) ? header[0] : header;
      if (!value)
        throw new AuthenticationError(
          'TOKEN_MISSING',
          'this route needs a bearer token (Authorization: Bearer <token>)',
        );
      const [scheme, token, ...rest] = value.trim().split(/\s+/);
      if (scheme?.toLowerCase() !== 'bearer' || !token || rest.length > 0)
        throw new AuthenticationError('TOKEN_MALFORMED', 'the Authorization header must be "Bearer <token>"');
      return await this.options.verifier!.verify(token);
    } catch (error) {
      if (error instanceof AuthenticationError) {
        reply.header(
          'WWW-Authenticate',
          error.reason === 'TOKEN_MISSING'
            ? `Bearer realm="${this.options.realm}"`
            : `Bearer realm="${this.options.realm}", error="invalid_token", error_description="${error.message.replace(/"/g, "'")}"`,
        );
        throw new UnauthorizedException({ statusCode: 401, error: error.reason, message: error.message });
      }
      if (error instanceof IssuerUnavailableError) {
        throw new ServiceUnavailableException({
          statusCode: 503,
          error: 'ISSUER_UNAVAILABLE',
          message: `${error.message}; try again shortly`,
        });
      }
      throw error;
    }
  }

  private async countAgainstLimit(name: string, request: HttpRequest, reply: HttpReply): Promise<void> {
    const check = this.limiter(name);
    const result = await check(request);
    if (result.isAllowed || !result.isExceeded) return;
    const retryAfter = Math.max(1, result.ttlInSeconds ?? 1);
    reply.header('Retry-After', retryAfter);
    const { max, timeWindowMs } = this.options.rateLimits[name]!;
    throw new HttpException(
      {
        statusCode: 429,
        error: 'RATE_LIMITED',
        message: `at most ${max} requests per ${timeWindowMs / 1000} s per caller on this route; retry in ${retryAfter} s`,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }

  private limiter(name: string): LimitCheck {
    let check = this.limiters.get(name);
    if (!check) {
      const limit = this.options.rateLimits[name];
      if (!limit) throw new Error(`@RateLimitPerCaller('${name}') names no limit in the app's rateLimits`);
      const fastify = this.adapterHost.httpAdapter.getInstance<RateLimitingFastify>();
      if (!fastify.createRateLimit)
        throw new Error('@fastify/rate-limit is not registered (see securityPlugins)');
      check = fastify.createRateLimit({
        max: limit.max,
        timeWindow: limit.timeWindowMs,
        keyGenerator: (request) => principalOf(request)!.subject,
      });
      this.limiters.set(name, check);
    }
    return check;
  }
}
