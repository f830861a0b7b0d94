export { HealthController, READINESS_CHECKS } from './health.controller';
export type { ReadinessCheck } from './health.controller';
export { MetricsController } from './metrics.controller';
export { loggingModule, logRequests, correlationIdOf, CORRELATION_HEADER } from './logging';
export type { HttpRequest } from './logging';
export { httpAdapter, BODY_LIMIT_BYTES } from './http-adapter';
export { ZodValidationPipe } from './zod-validation.pipe';
export type { FieldError } from './zod-validation.pipe';
export { setupOpenApi } from './openapi';
