import { localEndpoints, type AppName } from '@platform/config';
import { DEV_OPERATOR, devToken, type DevRole } from '@platform/dev-identity';
import { waitFor } from '@platform/testing';

/** Who a request is sent as: a caller of the development issuer, or nobody (no Authorization header). */
export type SendAs = { sub: string; role: DevRole } | 'anonymous';

export interface HttpResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * A request to one of the apps, with a bearer token of the development issuer unless `as` says
 * 'anonymous' or `headers` carry their own Authorization. By default an order body is sent by the
 * customer it names (as a shop's front end would), everything else by an operator.
 */
export async function http<T = unknown>(
  app: AppName,
  path: string,
  init: {
    method?: string;
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
    as?: SendAs;
  } = {},
): Promise<HttpResult<T>> {
  const sender = init.as ?? defaultSender(init.body);
  const authorization: Record<string, string> =
    sender === 'anonymous' ? {} : { authorization: `Bearer ${await devToken(sender.sub, sender.role)}` };
  const response = await fetch(`${localEndpoints().appUrl(app)}${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...authorization, ...init.headers },
    ...(init.rawBody !== undefined
      ? { body: init.rawBody }
      : init.body !== undefined
        ? { body: JSON.stringify(init.body) }
        : {}),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: body as T, headers: response.headers };
}

function defaultSender(body: unknown): SendAs {
  const customerId = (body as { customerId?: unknown } | undefined)?.customerId;
  return typeof customerId === 'string'
    ? { sub: customerId, role: 'customer' }
    : { sub: DEV_OPERATOR, role: 'operator' };
}

export interface OrderView {
  orderId: string;
  status: 'PENDING' | 'CONFIRMED' | 'CANCELLED';
  correlationId: string;
  cancellation: { reason: string; detail: string | null } | null;
  deadlineAt: string;
  history: { eventType: string; eventId: string; source: string; occurredAt: string }[];
}

export function orderRequest(
  sku: string,
  options: { quantity?: number; paymentMethod?: string; customerId?: string } = {},
) {
  return {
    customerId: options.customerId ?? 'e2e@example.com',
    currency: 'EUR',
    paymentMethod: options.paymentMethod ?? 'tok_visa',
    lines: [{ sku, quantity: options.quantity ?? 1, unitPriceMinor: 1500 }],
  };
}

export async function placeOrder(
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ orderId: string; correlationId: string }> {
  const result = await http<{ orderId: string; correlationId: string }>('order', '/orders', {
    method: 'POST',
    body,
    headers,
  });
  if (result.status !== 202)
    throw new Error(`POST /orders answered ${result.status}: ${JSON.stringify(result.body)}`);
  return result.body;
}

export async function finalOrder(orderId: string, timeoutMs = 90_000): Promise<OrderView> {
  return waitFor(
    async () => {
      const { status, body } = await http<OrderView>('order', `/orders/${orderId}`);
      return status === 200 && body.status !== 'PENDING' ? body : undefined;
    },
    { description: `order ${orderId} to be confirmed or cancelled`, timeoutMs, intervalMs: 200 },
  );
}

export async function setStock(sku: string, available: number): Promise<void> {
  const result = await http('inventory', `/stock/${encodeURIComponent(sku)}`, {
    method: 'PUT',
    body: { available },
  });
  if (result.status >= 300)
    throw new Error(`PUT /stock/${sku} answered ${result.status}: ${JSON.stringify(result.body)}`);
}

export async function stockOf(sku: string): Promise<number> {
  const { body } = await http<{ available: number }>('inventory', `/stock/${encodeURIComponent(sku)}`);
  return body.available;
}

export async function reservationOf(
  orderId: string,
): Promise<{ status: string; channel: string } | undefined> {
  const { status, body } = await http<{ status: string; channel: string }>(
    'inventory',
    `/reservations/${encodeURIComponent(orderId)}`,
  );
  return status === 200 ? body : undefined;
}

export async function paymentsOf(orderId: string): Promise<{ status: string }[]> {
  const { body } = await http<{ status: string }[] | { items: { status: string }[] }>(
    'payment',
    `/payments?orderId=${orderId}`,
  );
  return Array.isArray(body) ? body : body.items;
}

export async function notificationsOf(orderId: string): Promise<{ kind: string }[]> {
  const { body } = await http<{ kind: string }[] | { items: { kind: string }[] }>(
    'notification',
    `/notifications?orderId=${orderId}`,
  );
  return Array.isArray(body) ? body : body.items;
}
