/** The parts of an OpenAPI 3 document the fuzz reads: each operation's parameters and JSON body schema. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
}

export interface RouteParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}

export interface Route {
  method: string;
  /** As the document writes it: `/orders/{orderId}`. */
  path: string;
  parameters: RouteParameter[];
  /** The JSON body's schema, when the operation takes one. */
  body?: JsonSchema;
}

export interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: (RouteParameter & { in: string })[];
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
      }
    >
  >;
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

/** Every operation of an app, from the document it serves at /docs-json. */
export function routesOf(document: OpenApiDocument): Route[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method]) => METHODS.has(method))
      .map(([method, operation]) => {
        const body = operation.requestBody?.content?.['application/json']?.schema;
        return {
          method: method.toUpperCase(),
          path,
          parameters: (operation.parameters ?? [])
            .filter((p): p is RouteParameter => ['path', 'query', 'header'].includes(p.in))
            .map((p) => ({ ...p, required: Boolean(p.required), schema: p.schema ?? { type: 'string' } })),
          ...(body ? { body } : {}),
        };
      }),
  );
}

/** Path parameters the document uses in the path but does not declare (Nest's swagger omits some). */
export function pathParameterNames(route: Route): string[] {
  return [...route.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
}
