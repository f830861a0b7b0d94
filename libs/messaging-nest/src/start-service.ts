import { NestFactory } from '@nestjs/core';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import type { AppName } from '@platform/contracts';
import { setupOpenApi } from '@platform/service-kit';
import type { KafkaSettings } from '@platform/messaging';
import pino from 'pino';
import { kafkaMicroserviceOptions } from './kafka-microservice';
import { consumerGroupOf } from './messaging.module';

export interface StartServiceOptions {
  app: AppName;
  port: number;
  kafka: KafkaSettings;
  /** Whether this app consumes events at all (notification-only producers might not). */
  consumesEvents: boolean;
  openApi: { title: string; description: string };
}

/**
 * One process, two entry points: HTTP (REST, health, metrics, OpenAPI) and a Kafka consumer in
 * the app's own group. SIGTERM closes the consumer after its in-flight message, then the
 * relay flushes and everything disconnects (see MessagingLifecycle).
 */
export async function startService(
  module: Parameters<typeof NestFactory.create>[0],
  options: StartServiceOptions,
) {
  const app = await NestFactory.create(module, { bufferLogs: true });
  app.useLogger(app.get(PinoNestLogger));
  if (options.consumesEvents) {
    const logger = pino({ name: `${options.app}-kafka`, level: process.env['LOG_LEVEL'] ?? 'info' });
    app.connectMicroservice(kafkaMicroserviceOptions(options.kafka, consumerGroupOf(options.app), logger), {
      inheritAppConfig: true,
    });
  }
  setupOpenApi(app, options.openApi.title, options.openApi.description);
  // useProcessExit: after the shutdown hooks, exit(0) rather than re-raise the signal. Re-raised as
  // PID 1 in a container, SIGTERM has no default action and is ignored: the process lingered until
  // `docker stop` sent SIGKILL.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  await app.startAllMicroservices();
  await app.listen(options.port);
  return app;
}
