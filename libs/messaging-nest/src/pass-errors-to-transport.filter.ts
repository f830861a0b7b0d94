import { Catch, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { throwError, type Observable } from 'rxjs';

/**
 * Nest's default RPC filter turns every error an event handler throws into `{ status: 'error',
 * message: 'Internal server error' }`. The pipeline needs the error itself (a DomainError is
 * dead-lettered at once, a lost connection waits, anything else is retried), so in event handlers
 * the error is rethrown unchanged. HTTP errors get Nest's usual treatment.
 *
 * Global because Nest marks a hybrid app's microservice initialised as soon as it is connected, so
 * filters can only reach it through the app's own configuration (`inheritAppConfig`).
 */
@Catch()
export class PassErrorsToTransport extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() === 'rpc') return throwError(() => exception);
    return super.catch(exception, host);
  }
}
