/** The few REST calls the demo makes to the running platform. */

/** The platform is not running (or not ready); the message tells the user what to do. */
export class PlatformNotRunningError extends Error {
  readonly code = 'PLATFORM_NOT_RUNNING';
  constructor(url: string, reason: string) {
    super(`The order service is not ready at ${url} (${reason}): start the platform with npm start first.`);
    this.name = 'PlatformNotRunningError';
  }
}

export class PlatformRequestError extends Error {
  readonly code = 'PLATFORM_REQUEST_FAILED';
  constructor(request: string, status: number, body: string) {
    super(`${request} answered ${status}: ${body}`);
    this.name = 'PlatformRequestError';
  }
}

export interface OrderRequest {
  customerId: string;
  currency: string;
  paymentMethod: string;
  lines: { sku: string; quantity: number; unitPriceMinor: number }[];
}

export interface OrderView {
  orderId: string;
  status: 'PENDING' | 'CONFIRMED' | 'CANCELLED';
  cancellation: { reason: string; detail: string | null } | null;
}

/** Bearer tokens for the demo's calls: an order is placed by its customer, the rest by an operator. */
export interface DemoTokens {
  customer(customerId: string): Promise<string>;
  operator(): Promise<string>;
}

export class PlatformClient {
  constructor(
    private readonly orderUrl: string,
    private readonly inventoryUrl: string,
    private readonly tokens: DemoTokens,
    private readonly timeoutMs = 5_000,
  ) {}

  async assertReady(): Promise<void> {
    const url = `${this.orderUrl}/health/ready`;
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      const { cause } = error as { cause?: { code?: string } };
      throw new PlatformNotRunningError(url, cause?.code ?? (error as Error).message);
    }
    if (!response.ok) throw new PlatformNotRunningError(url, `${response.status} ${await response.text()}`);
  }

  /** PUT replaces the level, so every demo run starts from the same stock. */
  async setStock(sku: string, available: number): Promise<void> {
    await this.send(
      'PUT',
      `${this.inventoryUrl}/stock/${encodeURIComponent(sku)}`,
      await this.tokens.operator(),
      {
        available,
      },
    );
  }

  async placeOrder(order: OrderRequest): Promise<{ orderId: string; correlationId: string }> {
    return this.send('POST', `${this.orderUrl}/orders`, await this.tokens.customer(order.customerId), order);
  }

  async getOrder(orderId: string): Promise<OrderView> {
    return this.send(
      'GET',
      `${this.orderUrl}/orders/${encodeURIComponent(orderId)}`,
      await this.tokens.operator(),
    );
  }

  private async send<T>(method: string, url: string, token: string, body?: unknown): Promise<T> {
    const response = await fetch(url, {
      method,
      signal: AbortSignal.timeout(this.timeoutMs),
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new PlatformRequestError(`${method} ${url}`, response.status, text);
    return JSON.parse(text) as T;
  }
}
