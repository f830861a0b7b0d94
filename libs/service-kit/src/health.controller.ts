import { Controller, Get, HttpCode, HttpStatus, Inject, Res } from '@nestjs/common';
import { Public } from './auth/access.decorators';

/** One dependency the service cannot work without; `check` rejects when it is unusable. */
export interface ReadinessCheck {
  name: string;
  check: () => Promise<unknown>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
const CHECK_TIMEOUT_MS = 3_000;

/**
 * Liveness says the process runs (restart it if not); readiness says it can do its job now
 * (send it traffic if so). Only readiness looks at the database, Kafka and the registry, so a
 * broker outage takes the service out of rotation without getting it restarted in a loop.
 * Open to anyone: orchestrators and load balancers probe without tokens, and neither answer names
 * customer data.
 */
@Public()
@Controller('health')
export class HealthController {
  constructor(@Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[]) {}

  @Get('live')
  @HttpCode(HttpStatus.OK)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(
    @Res({ passthrough: true }) response: { status(code: number): unknown },
  ): Promise<{ status: string; checks: Record<string, string> }> {
    const results = await Promise.all(
      this.checks.map(async ({ name, check }) => {
        try {
          await withTimeout(check(), CHECK_TIMEOUT_MS);
          return [name, 'up'] as const;
        } catch (error) {
          return [name, `down: ${error instanceof Error ? error.message : String(error)}`] as const;
        }
      }),
    );
    const healthy = results.every(([, state]) => state === 'up');
    response.status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: healthy ? 'ok' : 'unavailable', checks: Object.fromEntries(results) };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
