import { BadRequestException, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';

export interface FieldError {
  field: string;
  rule: string;
  message: string;
}

/**
 * Validates a request body or query against a zod schema. A failure is a 400 whose body names every
 * wrong field with its path (`lines.0.quantity`) and the rule it broke, so a client can fix its
 * request without reading server logs.
 */
export class ZodValidationPipe<Schema extends z.ZodType> implements PipeTransform<unknown, z.infer<Schema>> {
  constructor(private readonly schema: Schema) {}

  transform(value: unknown): z.infer<Schema> {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    const fields: FieldError[] = result.error.issues.map((issue) => ({
      field: issue.path.join('.') || '(body)',
      rule: issue.code,
      message: issue.message,
    }));
    throw new BadRequestException({
      statusCode: 400,
      error: 'VALIDATION_FAILED',
      message: `Invalid request: ${fields.map((f) => `${f.field} (${f.message})`).join('; ')}`,
      fields,
    });
  }
}
