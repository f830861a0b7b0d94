/**
 * Why a message could not be handled. A permanent failure will fail the same way on every attempt,
 * so it goes straight to the dead-letter topic; anything else is retried first.
 */
export abstract class MessagingError extends Error {
  abstract readonly code: string;
  abstract readonly permanent: boolean;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class UndecodableMessageError extends MessagingError {
  readonly code = 'UNDECODABLE_MESSAGE';
  readonly permanent = true;
}

export class UnknownSchemaError extends MessagingError {
  readonly code = 'UNKNOWN_SCHEMA';
  readonly permanent = true;
}

export class InvalidEventError extends MessagingError {
  readonly code = 'INVALID_EVENT';
  readonly permanent = true;
}

/** Thrown by handlers for a message that is valid on the wire but can never be applied. */
export class UnprocessableEventError extends MessagingError {
  readonly code = 'UNPROCESSABLE_EVENT';
  readonly permanent = true;
}

export class RetriesExhaustedError extends MessagingError {
  readonly code = 'RETRIES_EXHAUSTED';
  readonly permanent = true;
  constructor(
    readonly attempts: number,
    readonly lastError: unknown,
  ) {
    super(`Gave up after ${attempts} attempts: ${describeError(lastError)}`, { cause: lastError });
  }
}

export function isPermanent(error: unknown): boolean {
  return error instanceof MessagingError && error.permanent;
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
