import { BadRequestException, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { validationFailed, type FieldError } from './validation-error';

/**
 * Validates a request body, query, path or header against a zod schema. A failure is a 400 whose
 * body names every wrong field with its path (`lines.0.quantity`) and the rule it broke. `name`
 * names a value that has no path of its own, such as one header (`header.idempotency-key`).
 */
export class ZodValidationPipe<Schema extends z.ZodType> implements PipeTransform<unknown, z.infer<Schema>> {
  constructor(
    private readonly schema: Schema,
    private readonly name?: string,
  ) {}

  transform(value: unknown): z.infer<Schema> {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    const fields: FieldError[] = result.error.issues.map((issue) => ({
      field: [...(this.name ? [this.name] : []), ...issue.path].join('.') || '(body)',
      rule: issue.code,
      message: issue.message,
    }));
    throw new BadRequestException(validationFailed(fields));
  }
}
