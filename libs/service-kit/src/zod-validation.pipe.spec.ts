import { BadRequestException } from '@nestjs/common';
import { z } from 'zod';
import { ZodValidationPipe } from './zod-validation.pipe';

const pipe = new ZodValidationPipe(
  z.object({ name: z.string().min(1), lines: z.array(z.object({ qty: z.number().int().min(1) })) }),
);

describe('ZodValidationPipe', () => {
  it('passes a valid body through, parsed', () => {
    expect(pipe.transform({ name: 'a', lines: [{ qty: 1 }] })).toEqual({ name: 'a', lines: [{ qty: 1 }] });
  });

  it('answers 400 naming every wrong field by its path and the rule it broke', () => {
    let error: unknown;
    try {
      pipe.transform({ name: '', lines: [{ qty: 0 }] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BadRequestException);
    const body = (error as BadRequestException).getResponse() as {
      error: string;
      fields: { field: string; rule: string }[];
    };
    expect(body.error).toBe('VALIDATION_FAILED');
    expect(body.fields).toEqual([
      expect.objectContaining({ field: 'name', rule: 'too_small' }),
      expect.objectContaining({ field: 'lines.0.qty', rule: 'too_small' }),
    ]);
  });
});
