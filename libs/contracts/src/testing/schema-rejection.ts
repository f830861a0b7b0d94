import { IncompatibleSchemaError } from '../apply/apply-errors';

/** The IncompatibleSchemaError a registration is refused with; anything else fails the test. */
export async function schemaRejection(promise: Promise<unknown>): Promise<IncompatibleSchemaError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof IncompatibleSchemaError))
    throw new Error(`expected a rejection, got ${String(error)}`);
  return error;
}
