import { Controller, Get, Header } from '@nestjs/common';
import { collectDefaultMetrics, register } from 'prom-client';
import { Roles } from './auth/access.decorators';

let defaultsCollected = false;

/**
 * Prometheus scrape endpoint: process metrics plus whatever the service registered. Operators
 * only: the figures name topics, consumer groups and traffic, which tell an outsider how the
 * platform is built and how busy it is. Prometheus scrapes with a bearer token (its `authorization`
 * or `oauth2` client-credentials settings).
 */
@Roles('operator')
@Controller('metrics')
export class MetricsController {
  constructor() {
    if (!defaultsCollected) {
      collectDefaultMetrics();
      defaultsCollected = true;
    }
  }

  @Get()
  @Header('Content-Type', register.contentType)
  metrics(): Promise<string> {
    return register.metrics();
  }
}
