import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import pino from 'pino';
import { onShutdownSignals } from '@platform/messaging';
import { httpAdapter, logRequests, registerSecurityPlugins, setupOpenApi } from '@platform/service-kit';
import { KafkaEventTransport } from './kafka-event-transport';
import { PassErrorsToTransport } from './pass-errors-to-transport.filter';

export interface StartServiceOptions {
  app: string;
  port: number;
  logLevel: string;
  openApi: { title: string; description: string };
}

// Below the 30 s compose and launcher grace periods, so the process always exits by itself.
const SHUTDOWN_TIMEOUT_MS = 25_000;

/**
 * One process, two entry points: HTTP (REST, health, metrics, OpenAPI) and the app's Kafka
 * consumer. SIGTERM or SIGINT closes the app (the consumer finishes and commits its batch, the
 * relay flushes, everything disconnects) and then exits 0 itself. Nest's own shutdown hooks re-raise
 * the signal after closing instead, which a process running as PID 1 in a container ignores.
 */
export async function startService(
  module: Parameters<typeof NestFactory.create>[0],
  options: StartServiceOptions,
) {
  const app = await NestFactory.create<NestFastifyApplication>(module, httpAdapter(), { bufferLogs: true });
  app.useLogger(app.get(PinoNestLogger));
  const logger = pino({ name: options.app, level: options.logLevel });
  logRequests(app.getHttpAdapter().getInstance(), logger);
  await registerSecurityPlugins(app);
  app.useGlobalFilters(new PassErrorsToTransport(app.getHttpAdapter()));
  app.connectMicroservice({ strategy: app.get(KafkaEventTransport) }, { inheritAppConfig: true });
  setupOpenApi(app, options.openApi.title, options.openApi.description);
  const shutdown = onShutdownSignals([{ name: 'close the app', run: () => app.close() }], logger, {
    timeoutMs: SHUTDOWN_TIMEOUT_MS,
  });
  // A consumer that cannot come back by itself: leave, non-zero, so the supervisor starts a fresh process.
  app.get(KafkaEventTransport).onGiveUp((reason) => void shutdown.shutdown(reason, { failed: true }));
  await app.startAllMicroservices();
  // Every interface, as Node's own servers do (Fastify alone would listen on localhost only, which
  // a container's published port cannot reach); '::' takes IPv4 too where the kernel has IPv6.
  await app.listen(options.port, '::').catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EAFNOSUPPORT' && error.code !== 'EADDRNOTAVAIL') throw error;
    return app.listen(options.port, '0.0.0.0');
  });
  return app;
}
