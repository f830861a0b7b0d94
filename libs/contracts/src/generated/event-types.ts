// Generated from schemas/*.avsc by `npm run contracts:generate`. Do not edit: change the schema and regenerate.

/** A customer placed an order; it is PENDING until stock is reserved and payment authorized. Starts the order saga. */
export interface OrderPlaced {
  /** Event metadata shared by every event. */
  envelope: EventEnvelope;
  /** Id of the order (UUID); the Kafka message key. */
  orderId: string;
  /** Id of the customer who placed the order. */
  customerId: string;
  /** The ordered products; at least one line. */
  lines: OrderLine[];
  /** Sum of quantity times unit price over all lines. */
  total: Money;
  /** Payment method token to charge, e.g. the test card token tok_visa; never raw card data. */
  paymentMethod: string;
  /** Where the customer placed the order, e.g. web, mobile or api (version 2). Events written with version 1 read as api: POST /orders was the only way in then. */
  channel: string;
}

/** Metadata every event carries: identity for idempotency, the schema version, and the correlation and causation chain that ties one order's events together. */
export interface EventEnvelope {
  /** Unique id of this event (UUID); consumers record it to process each event once. */
  eventId: string;
  /** Name of the event type, e.g. OrderPlaced. */
  eventType: string;
  /** Version of this event type's schema. */
  version: number;
  /** When the state change that produced this event happened, in milliseconds since the Unix epoch (UTC). */
  occurredAt: number;
  /** The app that produced the event, e.g. order. */
  source: string;
  /** The same for every event caused by one order request. */
  correlationId: string;
  /** The eventId of the event that caused this one; null for the first event of a flow. */
  causationId: string | null;
}

/** One line of an order: how many units of a product at which unit price. */
export interface OrderLine {
  /** Stock keeping unit identifying the product. */
  sku: string;
  /** Number of units ordered; at least 1. */
  quantity: number;
  /** Price of one unit when the order was placed. */
  unitPrice: Money;
}

/** An amount of money as an integer number of the currency's minor units (cents for EUR and USD), never a float, so sums and comparisons are exact. */
export interface Money {
  /** The amount in minor units of the currency, e.g. 1999 for 19.99 EUR. */
  amountMinor: number;
  /** ISO 4217 alphabetic currency code in upper case, e.g. EUR. */
  currency: string;
}

/** Inventory reserved every line of an order. Carries what payment needs to authorize the total, so payment does not have to know about orders. */
export interface StockReserved {
  /** Event metadata shared by every event. */
  envelope: EventEnvelope;
  /** Id of the order whose stock was reserved; the Kafka message key. */
  orderId: string;
  /** Id of the customer who placed the order. */
  customerId: string;
  /** The reserved lines, as placed. */
  lines: OrderLine[];
  /** The order total that payment authorizes. */
  total: Money;
  /** Payment method token to charge, copied from OrderPlaced. */
  paymentMethod: string;
}

/** Inventory could not reserve every line of an order, so it reserved none; the order is cancelled. */
export interface StockRejected {
  /** Event metadata shared by every event. */
  envelope: EventEnvelope;
  /** Id of the order that could not be reserved; the Kafka message key. */
  orderId: string;
  /** OUT_OF_STOCK when a known product has too few units available, UNKNOWN_SKU when a product does not exist. */
  reason: StockRejectionReason;
  /** Every line that could not be reserved. */
  shortages: StockShortage[];
}

/** Why the reservation was rejected. */
export type StockRejectionReason = 'OUT_OF_STOCK' | 'UNKNOWN_SKU';

/** A line that could not be reserved. */
export interface StockShortage {
  /** The product that is short. */
  sku: string;
  /** Units the order asked for. */
  requested: number;
  /** Units available when the order was checked; 0 for an unknown product. */
  available: number;
}

/** Inventory released the reservation of an order whose payment was declined; the units are available again. */
export interface StockReleased {
  /** Event metadata shared by every event. */
  envelope: EventEnvelope;
  /** Id of the order whose reservation was released; the Kafka message key. */
  orderId: string;
  /** The released lines. */
  lines: ReleasedStockLine[];
}

/** Units of one product returned to available stock. */
export interface ReleasedStockLine {
  /** The product whose units were released. */
  sku: string;
  /** Number of units released. */
  quantity: number;
}

/** Payment authorized the total of an order against its payment method; the order can be confirmed. */
export interface PaymentAuthorized {
  /** Event metadata shared by every event. */
  envelope: EventEnvelope;
  /** Id of the order that was paid for; the Kafka message key. */
  orderId: string;
  /** Id of the payment (UUID) in the payment service. */
  paymentId: string;
  /** The authorized amount: the order total. */
  amount: Money;
}

/** Payment could not authorize the total of an order; inventory releases the stock and the order is cancelled. */
export interface PaymentDeclined {
  /** Event metadata shared by every event. */
  envelope: EventEnvelope;
  /** Id of the order whose payment was declined; the Kafka message key. */
  orderId: string;
  /** Id of the declined payment attempt (UUID) in the payment service. */
  paymentId: string;
  /** The amount that was declined: the order total. */
  amount: Money;
  /** The card issuer's answer, or PROCESSING_ERROR when the payment provider failed for good. */
  reason: PaymentDeclineReason;
}

/** Why the payment was declined. */
export type PaymentDeclineReason =
  'CARD_DECLINED' | 'INSUFFICIENT_FUNDS' | 'EXPIRED_CARD' | 'PROCESSING_ERROR';

/** An order is CONFIRMED: its stock is reserved and its payment authorized. Ends the saga successfully. */
export interface OrderConfirmed {
  /** Event metadata shared by every event. */
  envelope: EventEnvelope;
  /** Id of the confirmed order; the Kafka message key. */
  orderId: string;
  /** Id of the customer to notify. */
  customerId: string;
  /** The order total that was charged. */
  total: Money;
}

/** An order is CANCELLED because stock could not be reserved, payment was declined, or no answer came before its deadline. Ends the saga unsuccessfully; inventory releases what it holds for the order and payment refunds what it authorized. */
export interface OrderCancelled {
  /** Event metadata shared by every event. */
  envelope: EventEnvelope;
  /** Id of the cancelled order; the Kafka message key. */
  orderId: string;
  /** Id of the customer to notify. */
  customerId: string;
  /** The order total that was not charged. */
  total: Money;
  /** The stock rejection or payment decline that caused the cancellation, or TIMED_OUT (version 2) when the order passed its deadline still PENDING. */
  reason: OrderCancellationReason;
  /** Human-readable detail, e.g. which products were short; null when there is nothing to add. */
  detail: string | null;
}

/** Why the order was cancelled, in terms the customer can be told. */
export type OrderCancellationReason =
  'OUT_OF_STOCK' | 'UNKNOWN_SKU' | 'PAYMENT_DECLINED' | 'INSUFFICIENT_FUNDS' | 'EXPIRED_CARD' | 'TIMED_OUT';

/** A command from the order service: give back what is held for an order that was already CANCELLED when its StockReserved arrived (a late reply). Inventory releases it once and answers StockReleased. */
export interface ReleaseStock {
  /** Event metadata shared by every event; causationId is the late StockReserved. */
  envelope: EventEnvelope;
  /** Id of the cancelled order; the Kafka message key. */
  orderId: string;
}

/** A command from the order service: refund a payment authorized for an order that was already CANCELLED when its PaymentAuthorized arrived (a late reply). Payment refunds it once and answers PaymentRefunded. */
export interface RefundPayment {
  /** Event metadata shared by every event; causationId is the late PaymentAuthorized. */
  envelope: EventEnvelope;
  /** Id of the cancelled order; the Kafka message key. */
  orderId: string;
  /** The payment to refund, as PaymentAuthorized named it. */
  paymentId: string;
  /** The authorized amount to give back. */
  amount: Money;
}

/** Payment voided the authorization of a cancelled order (on OrderCancelled, or on RefundPayment after a late authorization); the customer is not charged. Happens at most once per payment. */
export interface PaymentRefunded {
  /** Event metadata shared by every event. */
  envelope: EventEnvelope;
  /** Id of the cancelled order; the Kafka message key. */
  orderId: string;
  /** Id of the refunded payment. */
  paymentId: string;
  /** The amount given back: the authorized amount. */
  amount: Money;
}

/** The customer was told how their order ended. Nothing consumes it; it closes the story of an order on the topics. */
export interface NotificationSent {
  /** Event metadata shared by every event. */
  envelope: EventEnvelope;
  /** Id of the order the notification was about; the Kafka message key. */
  orderId: string;
  /** Id of the notified customer. */
  customerId: string;
  /** Which outcome of the order the notification announced. */
  kind: NotificationKind;
  /** EMAIL for a sent e-mail, LOG when the notification was only written to the service log (local runs). */
  channel: NotificationChannel;
  /** Where the notification went: an e-mail address, or the customer id for LOG. */
  recipient: string;
}

/** What the notification told the customer. */
export type NotificationKind = 'ORDER_CONFIRMED' | 'ORDER_CANCELLED';

/** How a notification is delivered. */
export type NotificationChannel = 'EMAIL' | 'LOG';

/** Every event type by name: the name is the value of `envelope.eventType`. */
export interface EventTypeMap {
  OrderPlaced: OrderPlaced;
  StockReserved: StockReserved;
  StockRejected: StockRejected;
  StockReleased: StockReleased;
  PaymentAuthorized: PaymentAuthorized;
  PaymentDeclined: PaymentDeclined;
  OrderConfirmed: OrderConfirmed;
  OrderCancelled: OrderCancelled;
  ReleaseStock: ReleaseStock;
  RefundPayment: RefundPayment;
  PaymentRefunded: PaymentRefunded;
  NotificationSent: NotificationSent;
}

export type EventType = keyof EventTypeMap;

/** Any event of the platform. */
export type PlatformEvent = EventTypeMap[EventType];

/** Every event type, in the order the saga produces them. */
export const EVENT_TYPES: readonly EventType[] = [
  'OrderPlaced',
  'StockReserved',
  'StockRejected',
  'StockReleased',
  'PaymentAuthorized',
  'PaymentDeclined',
  'OrderConfirmed',
  'OrderCancelled',
  'ReleaseStock',
  'RefundPayment',
  'PaymentRefunded',
  'NotificationSent',
];
