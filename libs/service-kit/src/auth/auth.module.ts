import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { AUTH_OPTIONS, type AuthOptions, type RateLimit } from './auth-options';
import type { AuthSettings } from './auth-settings';
import { TokenVerifier } from './token-verifier';

export const AUTH_REALM = 'kafka-saga-platform';

/**
 * Puts the AuthGuard in front of every HTTP route of the app. An app declares who may call what
 * with @Roles(), @Public() and @RateLimitPerCaller() on its controllers, nothing more.
 */
@Module({})
export class AuthModule {
  static forRoot(settings: AuthSettings, rateLimits: Record<string, RateLimit> = {}): DynamicModule {
    const options: AuthOptions = {
      realm: AUTH_REALM,
      rateLimits,
      ...(settings.AUTH_MODE === 'jwt'
        ? {
            verifier: new TokenVerifier({
              ...settings,
              AUTH_ISSUER: settings.AUTH_ISSUER!,
              AUTH_AUDIENCE: settings.AUTH_AUDIENCE!,
              AUTH_JWKS_URL: settings.AUTH_JWKS_URL!,
            }),
          }
        : {}),
    };
    return {
      module: AuthModule,
      providers: [
        { provide: AUTH_OPTIONS, useValue: options },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
    };
  }
}
