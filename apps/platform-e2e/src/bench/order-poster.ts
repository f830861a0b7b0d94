import http from 'node:http';
import { localEndpoints } from '@platform/config';

/**
 * POST /orders over node:http with kept-alive connections. The benchmark's own CPU comes out of
 * the platform's two cores; node:http costs about half of what fetch (undici) does per request.
 */
export function orderPoster(
  concurrency: number,
): (body: unknown) => Promise<{ status: number; orderId?: string }> {
  const url = new URL('/orders', localEndpoints().appUrl('order'));
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  return (body) =>
    new Promise((resolve, reject) => {
      const payload = JSON.stringify(body);
      const request = http.request(
        url,
        {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
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
}
