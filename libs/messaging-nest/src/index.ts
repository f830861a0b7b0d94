export {
  MessagingModule,
  MessagingLifecycle,
  consumerGroupOf,
  messagingReadinessChecks,
} from './messaging.module';
export type { MessagingModuleOptions } from './messaging.module';
export { EventConsumer } from './event-consumer';
export { MessagingMetrics } from './messaging-metrics';
export { RawRecordDeserializer } from './raw-record.deserializer';
export { kafkaMicroserviceOptions } from './kafka-microservice';
export { KAFKA, AVRO_CODEC } from './tokens';
export { startService } from './start-service';
export type { StartServiceOptions } from './start-service';
export { loadServiceConfig, serviceSettingsSchema, ServiceSettings } from './service-config';
export type { ServiceConfig } from './service-config';
export { runService } from './run-service';
export type { RunServiceOptions } from './run-service';
export { ServiceModule } from './service.module';
export type { ServiceModuleOptions } from './service.module';
