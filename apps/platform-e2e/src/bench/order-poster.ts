import http from 'node:http';
import { localEndpoints } from '@platform/config';
import { devToken } from '@platform/dev-identity';

/**
 * `count` customers to place a load's orders in turn: POST /orders is rate-limited per customer
 * (ORDER_RATE_LIMIT_PER_MINUTE), so a load of many orders a second comes from many customers, as
 * it would in a shop.
 */
export function loadCustomers(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `load-${i}@example.com`);
}

/**
 * POST /orders over node:http with kept-alive connections, each order sent by the customer it
 * names, with that customer's token of the development issuer (minted before the load starts, for
 * `customerIds`). The benchmark's own CPU comes out of the platform's two cores; node:http costs
 * about half of what fetch (undici) does per request.
 */
export type OrderPoster = (body: { customerId: string }) => Promise<{ status: number; orderId?: string }>;

export async function orderPoster(concurrency: number, customerIds: string[]): Promise<OrderPoster> {
  const url = new URL('/orders', localEndpoints().appUrl('order'));
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const tokens = new Map<string, string>();
  for (const customerId of customerIds) tokens.set(customerId, await devToken(customerId, 'customer'));
  const tokenOf = async (customerId: string) =>
    tokens.get(customerId) ?? (await devToken(customerId, 'customer'));
  return async (body) => {
    const authorization = `Bearer ${await tokenOf(body.customerId)}`;
    return new Promise((resolve, reject) => {
      const payload = JSON.stringify(body);
      const request = http.request(
        url,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
            authorization,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const status = response.statusCode ?? 0;
            try {
              const { orderId } = JSON.parse(Buffer.concat(chunks).toString()) as { orderId?: string };
              resolve({ status, ...(orderId ? { orderId } : {}) });
            } catch {
              resolve({ status });
            }
          });
        },
      );
      request.on('error', reject);
      request.end(payload);
    });
  };
}
