export interface FieldError {
  field: string;
  rule: string;
  message: string;
}

/**
 * The body of every 400 for a request that breaks a rule: each wrong field with its path and the
 * rule it broke, so a client can fix its request without reading server logs.
 */
export function validationFailed(fields: FieldError[]) {
  return {
    statusCode: 400,
    error: 'VALIDATION_FAILED',
    message: `Invalid request: ${fields.map((f) => `${f.field} (${f.message})`).join('; ')}`,
    fields,
  };
}
