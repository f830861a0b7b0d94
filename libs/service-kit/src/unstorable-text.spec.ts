import fc from 'fast-check';
import { findUnstorableText, unstorableTextProblem } from './unstorable-text';

/** Text with no NUL and no lone surrogate: what PostgreSQL and Kafka keep exactly as sent. */
const storableText = fc.string({ unit: 'binary' }).map((text) => text.replaceAll('\u0000', ''));
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

describe('unstorableTextProblem', () => {
  it('accepts any Unicode text without NUL, emoji and other astral characters included', () => {
    expect(unstorableTextProblem('tok_visa 😀 𝄞 ä')).toBeUndefined();
    fc.assert(fc.property(storableText, (text) => unstorableTextProblem(text) === undefined));
  });

  it('names a NUL anywhere in the text', () => {
    fc.assert(
      fc.property(storableText, storableText, (before, after) => {
        expect(unstorableTextProblem(`${before}\u0000${after}`)).toMatch(/NUL character/);
      }),
    );
  });

  it('names a lone surrogate anywhere in the text, high or low, but not a pair', () => {
    expect(unstorableTextProblem('\ud83d\ude00')).toBeUndefined();
    expect(unstorableTextProblem('\ude00\ud83d')).toMatch(/lone UTF-16 surrogate/);
    fc.assert(
      fc.property(storableText, loneSurrogate, storableText, (before, lone, after) => {
        // Glued to a neighbour of the other half it would make a pair; a space keeps it alone.
        expect(unstorableTextProblem(`${before} ${lone} ${after}`)).toMatch(/lone UTF-16 surrogate/);
      }),
    );
  });
});

describe('findUnstorableText', () => {
  it('finds nothing in values whose every string and key can be stored', () => {
    fc.assert(
      fc.property(
        fc.jsonValue().filter((value) => !JSON.stringify(value).includes('\\u0000')),
        (value) => findUnstorableText(value) === undefined,
      ),
    );
  });

  it('gives the path of the first offending string, through objects and arrays', () => {
    expect(
      findUnstorableText({ customerId: 'ada', lines: [{ sku: 'SKU-1' }, { sku: 'SKU-2\u0000' }] }),
    ).toEqual({ path: ['lines', '1', 'sku'], problem: expect.stringMatching(/NUL/) });
    expect(findUnstorableText('\ud800')).toEqual({ path: [], problem: expect.stringMatching(/surrogate/) });
    expect(findUnstorableText({ a: 'ok', b: ['x', '\u0000'], c: '\u0000' })?.path).toEqual(['b', '1']);
  });

  it('names a key that cannot be stored, with the character escaped', () => {
    expect(findUnstorableText({ lines: [{ 'sku\u0000': 'SKU-1' }] })).toEqual({
      path: ['lines', '0', 'sku\\u0000'],
      problem: expect.stringMatching(/^its name contains a NUL/),
    });
  });

  it('walks a value nested far deeper than the call stack allows', () => {
    let deep: unknown = '\u0000';
    for (let depth = 0; depth < 100_000; depth++) deep = [deep];
    expect(findUnstorableText(deep)?.path).toHaveLength(100_000);
    expect(findUnstorableText(JSON.parse('['.repeat(50_000) + ']'.repeat(50_000)))).toBeUndefined();
  });
});
