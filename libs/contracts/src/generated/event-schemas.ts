// Generated from schemas/*.avsc by `npm run contracts:generate`. Do not edit: change the schema and regenerate.

import type { AvroRecordSchema } from '../schemas/avro-schema';
import type { EventType } from './event-types';

/** Each event type's Avro schema with the shared types inlined: what the registry stores. */
export const EVENT_SCHEMAS: Readonly<Record<EventType, AvroRecordSchema>> = {
  OrderPlaced: {
    type: 'record',
    name: 'OrderPlaced',
    namespace: 'platform.events',
    doc: 'A customer placed an order; it is PENDING until stock is reserved and payment authorized. Starts the order saga.',
    fields: [
      {
        name: 'envelope',
        type: {
          type: 'record',
          name: 'EventEnvelope',
          namespace: 'platform.events',
          doc: "Metadata every event carries: identity for idempotency, the schema version, and the correlation and causation chain that ties one order's events together.",
          fields: [
            {
              name: 'eventId',
              type: 'string',
              doc: 'Unique id of this event (UUID); consumers record it to process each event once.',
            },
            { name: 'eventType', type: 'string', doc: 'Name of the event type, e.g. OrderPlaced.' },
            { name: 'version', type: 'int', doc: "Version of this event type's schema." },
            {
              name: 'occurredAt',
              type: { type: 'long', logicalType: 'timestamp-millis' },
              doc: 'When the state change that produced this event happened, in milliseconds since the Unix epoch (UTC).',
            },
            { name: 'source', type: 'string', doc: 'The app that produced the event, e.g. order.' },
            {
              name: 'correlationId',
              type: 'string',
              doc: 'The same for every event caused by one order request.',
            },
            {
              name: 'causationId',
              type: ['null', 'string'],
              default: null,
              doc: 'The eventId of the event that caused this one; null for the first event of a flow.',
            },
          ],
        },
        doc: 'Event metadata shared by every event.',
      },
      { name: 'orderId', type: 'string', doc: 'Id of the order (UUID); the Kafka message key.' },
      { name: 'customerId', type: 'string', doc: 'Id of the customer who placed the order.' },
      {
        name: 'lines',
        type: {
          type: 'array',
          items: {
            type: 'record',
            name: 'OrderLine',
            namespace: 'platform.events',
            doc: 'One line of an order: how many units of a product at which unit price.',
            fields: [
              { name: 'sku', type: 'string', doc: 'Stock keeping unit identifying the product.' },
              { name: 'quantity', type: 'int', doc: 'Number of units ordered; at least 1.' },
              {
                name: 'unitPrice',
                type: {
                  type: 'record',
                  name: 'Money',
                  namespace: 'platform.events',
                  doc: "An amount of money as an integer number of the currency's minor units (cents for EUR and USD), never a float, so sums and comparisons are exact.",
                  fields: [
                    {
                      name: 'amountMinor',
                      type: 'long',
                      doc: 'The amount in minor units of the currency, e.g. 1999 for 19.99 EUR.',
                    },
                    {
                      name: 'currency',
                      type: 'string',
                      doc: 'ISO 4217 alphabetic currency code in upper case, e.g. EUR.',
                    },
                  ],
                },
                doc: 'Price of one unit when the order was placed.',
              },
            ],
          },
        },
        doc: 'The ordered products; at least one line.',
      },
      {
        name: 'total',
        type: 'platform.events.Money',
        doc: 'Sum of quantity times unit price over all lines.',
      },
      {
        name: 'paymentMethod',
        type: 'string',
        doc: 'Payment method token to charge, e.g. the test card token tok_visa; never raw card data.',
      },
      {
        name: 'channel',
        type: 'string',
        default: 'api',
        doc: 'Where the customer placed the order, e.g. web, mobile or api (version 2). Events written with version 1 read as api: POST /orders was the only way in then.',
      },
    ],
  },
  StockReserved: {
    type: 'record',
    name: 'StockReserved',
    namespace: 'platform.events',
    doc: 'Inventory reserved every line of an order. Carries what payment needs to authorize the total, so payment does not have to know about orders.',
    fields: [
      {
        name: 'envelope',
        type: {
          type: 'record',
          name: 'EventEnvelope',
          namespace: 'platform.events',
          doc: "Metadata every event carries: identity for idempotency, the schema version, and the correlation and causation chain that ties one order's events together.",
          fields: [
            {
              name: 'eventId',
              type: 'string',
              doc: 'Unique id of this event (UUID); consumers record it to process each event once.',
            },
            { name: 'eventType', type: 'string', doc: 'Name of the event type, e.g. OrderPlaced.' },
            { name: 'version', type: 'int', doc: "Version of this event type's schema." },
            {
              name: 'occurredAt',
              type: { type: 'long', logicalType: 'timestamp-millis' },
              doc: 'When the state change that produced this event happened, in milliseconds since the Unix epoch (UTC).',
            },
            { name: 'source', type: 'string', doc: 'The app that produced the event, e.g. order.' },
            {
              name: 'correlationId',
              type: 'string',
              doc: 'The same for every event caused by one order request.',
            },
            {
              name: 'causationId',
              type: ['null', 'string'],
              default: null,
              doc: 'The eventId of the event that caused this one; null for the first event of a flow.',
            },
          ],
        },
        doc: 'Event metadata shared by every event.',
      },
      {
        name: 'orderId',
        type: 'string',
        doc: 'Id of the order whose stock was reserved; the Kafka message key.',
      },
      { name: 'customerId', type: 'string', doc: 'Id of the customer who placed the order.' },
      {
        name: 'lines',
        type: {
          type: 'array',
          items: {
            type: 'record',
            name: 'OrderLine',
            namespace: 'platform.events',
            doc: 'One line of an order: how many units of a product at which unit price.',
            fields: [
              { name: 'sku', type: 'string', doc: 'Stock keeping unit identifying the product.' },
              { name: 'quantity', type: 'int', doc: 'Number of units ordered; at least 1.' },
              {
                name: 'unitPrice',
                type: {
                  type: 'record',
                  name: 'Money',
                  namespace: 'platform.events',
                  doc: "An amount of money as an integer number of the currency's minor units (cents for EUR and USD), never a float, so sums and comparisons are exact.",
                  fields: [
                    {
                      name: 'amountMinor',
                      type: 'long',
                      doc: 'The amount in minor units of the currency, e.g. 1999 for 19.99 EUR.',
                    },
                    {
                      name: 'currency',
                      type: 'string',
                      doc: 'ISO 4217 alphabetic currency code in upper case, e.g. EUR.',
                    },
                  ],
                },
                doc: 'Price of one unit when the order was placed.',
              },
            ],
          },
        },
        doc: 'The reserved lines, as placed.',
      },
      { name: 'total', type: 'platform.events.Money', doc: 'The order total that payment authorizes.' },
      {
        name: 'paymentMethod',
        type: 'string',
        doc: 'Payment method token to charge, copied from OrderPlaced.',
      },
    ],
  },
  StockRejected: {
    type: 'record',
    name: 'StockRejected',
    namespace: 'platform.events',
    doc: 'Inventory could not reserve every line of an order, so it reserved none; the order is cancelled.',
    fields: [
      {
        name: 'envelope',
        type: {
          type: 'record',
          name: 'EventEnvelope',
          namespace: 'platform.events',
          doc: "Metadata every event carries: identity for idempotency, the schema version, and the correlation and causation chain that ties one order's events together.",
          fields: [
            {
              name: 'eventId',
              type: 'string',
              doc: 'Unique id of this event (UUID); consumers record it to process each event once.',
            },
            { name: 'eventType', type: 'string', doc: 'Name of the event type, e.g. OrderPlaced.' },
            { name: 'version', type: 'int', doc: "Version of this event type's schema." },
            {
              name: 'occurredAt',
              type: { type: 'long', logicalType: 'timestamp-millis' },
              doc: 'When the state change that produced this event happened, in milliseconds since the Unix epoch (UTC).',
            },
            { name: 'source', type: 'string', doc: 'The app that produced the event, e.g. order.' },
            {
              name: 'correlationId',
              type: 'string',
              doc: 'The same for every event caused by one order request.',
            },
            {
              name: 'causationId',
              type: ['null', 'string'],
              default: null,
              doc: 'The eventId of the event that caused this one; null for the first event of a flow.',
            },
          ],
        },
        doc: 'Event metadata shared by every event.',
      },
      {
        name: 'orderId',
        type: 'string',
        doc: 'Id of the order that could not be reserved; the Kafka message key.',
      },
      {
        name: 'reason',
        type: {
          type: 'enum',
          name: 'StockRejectionReason',
          doc: 'Why the reservation was rejected.',
          symbols: ['OUT_OF_STOCK', 'UNKNOWN_SKU'],
        },
        doc: 'OUT_OF_STOCK when a known product has too few units available, UNKNOWN_SKU when a product does not exist.',
      },
      {
        name: 'shortages',
        type: {
          type: 'array',
          items: {
            type: 'record',
            name: 'StockShortage',
            doc: 'A line that could not be reserved.',
            fields: [
              { name: 'sku', type: 'string', doc: 'The product that is short.' },
              { name: 'requested', type: 'int', doc: 'Units the order asked for.' },
              {
                name: 'available',
                type: 'int',
                doc: 'Units available when the order was checked; 0 for an unknown product.',
              },
            ],
          },
        },
        doc: 'Every line that could not be reserved.',
      },
    ],
  },
  StockReleased: {
    type: 'record',
    name: 'StockReleased',
    namespace: 'platform.events',
    doc: 'Inventory released the reservation of an order whose payment was declined; the units are available again.',
    fields: [
      {
        name: 'envelope',
        type: {
          type: 'record',
          name: 'EventEnvelope',
          namespace: 'platform.events',
          doc: "Metadata every event carries: identity for idempotency, the schema version, and the correlation and causation chain that ties one order's events together.",
          fields: [
            {
              name: 'eventId',
              type: 'string',
              doc: 'Unique id of this event (UUID); consumers record it to process each event once.',
            },
            { name: 'eventType', type: 'string', doc: 'Name of the event type, e.g. OrderPlaced.' },
            { name: 'version', type: 'int', doc: "Version of this event type's schema." },
            {
              name: 'occurredAt',
              type: { type: 'long', logicalType: 'timestamp-millis' },
              doc: 'When the state change that produced this event happened, in milliseconds since the Unix epoch (UTC).',
            },
            { name: 'source', type: 'string', doc: 'The app that produced the event, e.g. order.' },
            {
              name: 'correlationId',
              type: 'string',
              doc: 'The same for every event caused by one order request.',
            },
            {
              name: 'causationId',
              type: ['null', 'string'],
              default: null,
              doc: 'The eventId of the event that caused this one; null for the first event of a flow.',
            },
          ],
        },
        doc: 'Event metadata shared by every event.',
      },
      {
        name: 'orderId',
        type: 'string',
        doc: 'Id of the order whose reservation was released; the Kafka message key.',
      },
      {
        name: 'lines',
        type: {
          type: 'array',
          items: {
            type: 'record',
            name: 'ReleasedStockLine',
            doc: 'Units of one product returned to available stock.',
            fields: [
              { name: 'sku', type: 'string', doc: 'The product whose units were released.' },
              { name: 'quantity', type: 'int', doc: 'Number of units released.' },
            ],
          },
        },
        doc: 'The released lines.',
      },
    ],
  },
  PaymentAuthorized: {
    type: 'record',
    name: 'PaymentAuthorized',
    namespace: 'platform.events',
    doc: 'Payment authorized the total of an order against its payment method; the order can be confirmed.',
    fields: [
      {
        name: 'envelope',
        type: {
          type: 'record',
          name: 'EventEnvelope',
          namespace: 'platform.events',
          doc: "Metadata every event carries: identity for idempotency, the schema version, and the correlation and causation chain that ties one order's events together.",
          fields: [
            {
              name: 'eventId',
              type: 'string',
              doc: 'Unique id of this event (UUID); consumers record it to process each event once.',
            },
            { name: 'eventType', type: 'string', doc: 'Name of the event type, e.g. OrderPlaced.' },
            { name: 'version', type: 'int', doc: "Version of this event type's schema." },
            {
              name: 'occurredAt',
              type: { type: 'long', logicalType: 'timestamp-millis' },
              doc: 'When the state change that produced this event happened, in milliseconds since the Unix epoch (UTC).',
            },
            { name: 'source', type: 'string', doc: 'The app that produced the event, e.g. order.' },
            {
              name: 'correlationId',
              type: 'string',
              doc: 'The same for every event caused by one order request.',
            },
            {
              name: 'causationId',
              type: ['null', 'string'],
              default: null,
              doc: 'The eventId of the event that caused this one; null for the first event of a flow.',
            },
          ],
        },
        doc: 'Event metadata shared by every event.',
      },
      { name: 'orderId', type: 'string', doc: 'Id of the order that was paid for; the Kafka message key.' },
      { name: 'paymentId', type: 'string', doc: 'Id of the payment (UUID) in the payment service.' },
      {
        name: 'amount',
        type: {
          type: 'record',
          name: 'Money',
          namespace: 'platform.events',
          doc: "An amount of money as an integer number of the currency's minor units (cents for EUR and USD), never a float, so sums and comparisons are exact.",
          fields: [
            {
              name: 'amountMinor',
              type: 'long',
              doc: 'The amount in minor units of the currency, e.g. 1999 for 19.99 EUR.',
            },
            {
              name: 'currency',
              type: 'string',
              doc: 'ISO 4217 alphabetic currency code in upper case, e.g. EUR.',
            },
          ],
        },
        doc: 'The authorized amount: the order total.',
      },
    ],
  },
  PaymentDeclined: {
    type: 'record',
    name: 'PaymentDeclined',
    namespace: 'platform.events',
    doc: 'Payment could not authorize the total of an order; inventory releases the stock and the order is cancelled.',
    fields: [
      {
        name: 'envelope',
        type: {
          type: 'record',
          name: 'EventEnvelope',
          namespace: 'platform.events',
          doc: "Metadata every event carries: identity for idempotency, the schema version, and the correlation and causation chain that ties one order's events together.",
          fields: [
            {
              name: 'eventId',
              type: 'string',
              doc: 'Unique id of this event (UUID); consumers record it to process each event once.',
            },
            { name: 'eventType', type: 'string', doc: 'Name of the event type, e.g. OrderPlaced.' },
            { name: 'version', type: 'int', doc: "Version of this event type's schema." },
            {
              name: 'occurredAt',
              type: { type: 'long', logicalType: 'timestamp-millis' },
              doc: 'When the state change that produced this event happened, in milliseconds since the Unix epoch (UTC).',
            },
            { name: 'source', type: 'string', doc: 'The app that produced the event, e.g. order.' },
            {
              name: 'correlationId',
              type: 'string',
              doc: 'The same for every event caused by one order request.',
            },
            {
              name: 'causationId',
              type: ['null', 'string'],
              default: null,
              doc: 'The eventId of the event that caused this one; null for the first event of a flow.',
            },
          ],
        },
        doc: 'Event metadata shared by every event.',
      },
      {
        name: 'orderId',
        type: 'string',
        doc: 'Id of the order whose payment was declined; the Kafka message key.',
      },
      {
        name: 'paymentId',
        type: 'string',
        doc: 'Id of the declined payment attempt (UUID) in the payment service.',
      },
      {
        name: 'amount',
        type: {
          type: 'record',
          name: 'Money',
          namespace: 'platform.events',
          doc: "An amount of money as an integer number of the currency's minor units (cents for EUR and USD), never a float, so sums and comparisons are exact.",
          fields: [
            {
              name: 'amountMinor',
              type: 'long',
              doc: 'The amount in minor units of the currency, e.g. 1999 for 19.99 EUR.',
            },
            {
              name: 'currency',
              type: 'string',
              doc: 'ISO 4217 alphabetic currency code in upper case, e.g. EUR.',
            },
          ],
        },
        doc: 'The amount that was declined: the order total.',
      },
      {
        name: 'reason',
        type: {
          type: 'enum',
          name: 'PaymentDeclineReason',
          doc: 'Why the payment was declined.',
          symbols: ['CARD_DECLINED', 'INSUFFICIENT_FUNDS', 'EXPIRED_CARD', 'PROCESSING_ERROR'],
        },
        doc: "The card issuer's answer, or PROCESSING_ERROR when the payment provider failed for good.",
      },
    ],
  },
  OrderConfirmed: {
    type: 'record',
    name: 'OrderConfirmed',
    namespace: 'platform.events',
    doc: 'An order is CONFIRMED: its stock is reserved and its payment authorized. Ends the saga successfully.',
    fields: [
      {
        name: 'envelope',
        type: {
          type: 'record',
          name: 'EventEnvelope',
          namespace: 'platform.events',
          doc: "Metadata every event carries: identity for idempotency, the schema version, and the correlation and causation chain that ties one order's events together.",
          fields: [
            {
              name: 'eventId',
              type: 'string',
              doc: 'Unique id of this event (UUID); consumers record it to process each event once.',
            },
            { name: 'eventType', type: 'string', doc: 'Name of the event type, e.g. OrderPlaced.' },
            { name: 'version', type: 'int', doc: "Version of this event type's schema." },
            {
              name: 'occurredAt',
              type: { type: 'long', logicalType: 'timestamp-millis' },
              doc: 'When the state change that produced this event happened, in milliseconds since the Unix epoch (UTC).',
            },
            { name: 'source', type: 'string', doc: 'The app that produced the event, e.g. order.' },
            {
              name: 'correlationId',
              type: 'string',
              doc: 'The same for every event caused by one order request.',
            },
            {
              name: 'causationId',
              type: ['null', 'string'],
              default: null,
              doc: 'The eventId of the event that caused this one; null for the first event of a flow.',
            },
          ],
        },
        doc: 'Event metadata shared by every event.',
      },
      { name: 'orderId', type: 'string', doc: 'Id of the confirmed order; the Kafka message key.' },
      { name: 'customerId', type: 'string', doc: 'Id of the customer to notify.' },
      {
        name: 'total',
        type: {
          type: 'record',
          name: 'Money',
          namespace: 'platform.events',
          doc: "An amount of money as an integer number of the currency's minor units (cents for EUR and USD), never a float, so sums and comparisons are exact.",
          fields: [
            {
              name: 'amountMinor',
              type: 'long',
              doc: 'The amount in minor units of the currency, e.g. 1999 for 19.99 EUR.',
            },
            {
              name: 'currency',
              type: 'string',
              doc: 'ISO 4217 alphabetic currency code in upper case, e.g. EUR.',
            },
          ],
        },
        doc: 'The order total that was charged.',
      },
    ],
  },
  OrderCancelled: {
    type: 'record',
    name: 'OrderCancelled',
    namespace: 'platform.events',
    doc: 'An order is CANCELLED because stock could not be reserved, payment was declined, or no answer came before its deadline. Ends the saga unsuccessfully; inventory releases what it holds for the order and payment refunds what it authorized.',
    fields: [
      {
        name: 'envelope',
        type: {
          type: 'record',
          name: 'EventEnvelope',
          namespace: 'platform.events',
          doc: "Metadata every event carries: identity for idempotency, the schema version, and the correlation and causation chain that ties one order's events together.",
          fields: [
            {
              name: 'eventId',
              type: 'string',
              doc: 'Unique id of this event (UUID); consumers record it to process each event once.',
            },
            { name: 'eventType', type: 'string', doc: 'Name of the event type, e.g. OrderPlaced.' },
            { name: 'version', type: 'int', doc: "Version of this event type's schema." },
            {
              name: 'occurredAt',
              type: { type: 'long', logicalType: 'timestamp-millis' },
              doc: 'When the state change that produced this event happened, in milliseconds since the Unix epoch (UTC).',
            },
            { name: 'source', type: 'string', doc: 'The app that produced the event, e.g. order.' },
            {
              name: 'correlationId',
              type: 'string',
              doc: 'The same for every event caused by one order request.',
            },
            {
              name: 'causationId',
              type: ['null', 'string'],
              default: null,
              doc: 'The eventId of the event that caused this one; null for the first event of a flow.',
            },
          ],
        },
        doc: 'Event metadata shared by every event.',
      },
      { name: 'orderId', type: 'string', doc: 'Id of the cancelled order; the Kafka message key.' },
      { name: 'customerId', type: 'string', doc: 'Id of the customer to notify.' },
      {
        name: 'total',
        type: {
          type: 'record',
          name: 'Money',
          namespace: 'platform.events',
          doc: "An amount of money as an integer number of the currency's minor units (cents for EUR and USD), never a float, so sums and comparisons are exact.",
          fields: [
            {
              name: 'amountMinor',
              type: 'long',
              doc: 'The amount in minor units of the currency, e.g. 1999 for 19.99 EUR.',
            },
            {
              name: 'currency',
              type: 'string',
              doc: 'ISO 4217 alphabetic currency code in upper case, e.g. EUR.',
            },
          ],
        },
        doc: 'The order total that was not charged.',
      },
      {
        name: 'reason',
        type: {
          type: 'enum',
          name: 'OrderCancellationReason',
          doc: 'Why the order was cancelled, in terms the customer can be told.',
          symbols: [
            'OUT_OF_STOCK',
            'UNKNOWN_SKU',
            'PAYMENT_DECLINED',
            'INSUFFICIENT_FUNDS',
            'EXPIRED_CARD',
            'TIMED_OUT',
          ],
        },
        doc: 'The stock rejection or payment decline that caused the cancellation, or TIMED_OUT (version 2) when the order passed its deadline still PENDING.',
      },
      {
        name: 'detail',
        type: ['null', 'string'],
        default: null,
        doc: 'Human-readable detail, e.g. which products were short; null when there is nothing to add.',
      },
    ],
  },
  ReleaseStock: {
    type: 'record',
    name: 'ReleaseStock',
    namespace: 'platform.events',
    doc: 'A command from the order service: give back what is held for an order that was already CANCELLED when its StockReserved arrived (a late reply). Inventory releases it once and answers StockReleased.',
    fields: [
      {
        name: 'envelope',
        type: {
          type: 'record',
          name: 'EventEnvelope',
          namespace: 'platform.events',
          doc: "Metadata every event carries: identity for idempotency, the schema version, and the correlation and causation chain that ties one order's events together.",
          fields: [
            {
              name: 'eventId',
              type: 'string',
              doc: 'Unique id of this event (UUID); consumers record it to process each event once.',
            },
            { name: 'eventType', type: 'string', doc: 'Name of the event type, e.g. OrderPlaced.' },
            { name: 'version', type: 'int', doc: "Version of this event type's schema." },
            {
              name: 'occurredAt',
              type: { type: 'long', logicalType: 'timestamp-millis' },
              doc: 'When the state change that produced this event happened, in milliseconds since the Unix epoch (UTC).',
            },
            { name: 'source', type: 'string', doc: 'The app that produced the event, e.g. order.' },
            {
              name: 'correlationId',
              type: 'string',
              doc: 'The same for every event caused by one order request.',
            },
            {
              name: 'causationId',
              type: ['null', 'string'],
              default: null,
              doc: 'The eventId of the event that caused this one; null for the first event of a flow.',
            },
          ],
        },
        doc: 'Event metadata shared by every event; causationId is the late StockReserved.',
      },
      { name: 'orderId', type: 'string', doc: 'Id of the cancelled order; the Kafka message key.' },
    ],
  },
  RefundPayment: {
    type: 'record',
    name: 'RefundPayment',
    namespace: 'platform.events',
    doc: 'A command from the order service: refund a payment authorized for an order that was already CANCELLED when its PaymentAuthorized arrived (a late reply). Payment refunds it once and answers PaymentRefunded.',
    fields: [
      {
        name: 'envelope',
        type: {
          type: 'record',
          name: 'EventEnvelope',
          namespace: 'platform.events',
          doc: "Metadata every event carries: identity for idempotency, the schema version, and the correlation and causation chain that ties one order's events together.",
          fields: [
            {
              name: 'eventId',
              type: 'string',
              doc: 'Unique id of this event (UUID); consumers record it to process each event once.',
            },
            { name: 'eventType', type: 'string', doc: 'Name of the event type, e.g. OrderPlaced.' },
            { name: 'version', type: 'int', doc: "Version of this event type's schema." },
            {
              name: 'occurredAt',
              type: { type: 'long', logicalType: 'timestamp-millis' },
              doc: 'When the state change that produced this event happened, in milliseconds since the Unix epoch (UTC).',
            },
            { name: 'source', type: 'string', doc: 'The app that produced the event, e.g. order.' },
            {
              name: 'correlationId',
              type: 'string',
              doc: 'The same for every event caused by one order request.',
            },
            {
              name: 'causationId',
              type: ['null', 'string'],
              default: null,
              doc: 'The eventId of the event that caused this one; null for the first event of a flow.',
            },
          ],
        },
        doc: 'Event metadata shared by every event; causationId is the late PaymentAuthorized.',
      },
      { name: 'orderId', type: 'string', doc: 'Id of the cancelled order; the Kafka message key.' },
      { name: 'paymentId', type: 'string', doc: 'The payment to refund, as PaymentAuthorized named it.' },
      {
        name: 'amount',
        type: {
          type: 'record',
          name: 'Money',
          namespace: 'platform.events',
          doc: "An amount of money as an integer number of the currency's minor units (cents for EUR and USD), never a float, so sums and comparisons are exact.",
          fields: [
            {
              name: 'amountMinor',
              type: 'long',
              doc: 'The amount in minor units of the currency, e.g. 1999 for 19.99 EUR.',
            },
            {
              name: 'currency',
              type: 'string',
              doc: 'ISO 4217 alphabetic currency code in upper case, e.g. EUR.',
            },
          ],
        },
        doc: 'The authorized amount to give back.',
      },
    ],
  },
  PaymentRefunded: {
    type: 'record',
    name: 'PaymentRefunded',
    namespace: 'platform.events',
    doc: 'Payment voided the authorization of a cancelled order (on OrderCancelled, or on RefundPayment after a late authorization); the customer is not charged. Happens at most once per payment.',
    fields: [
      {
        name: 'envelope',
        type: {
          type: 'record',
          name: 'EventEnvelope',
          namespace: 'platform.events',
          doc: "Metadata every event carries: identity for idempotency, the schema version, and the correlation and causation chain that ties one order's events together.",
          fields: [
            {
              name: 'eventId',
              type: 'string',
              doc: 'Unique id of this event (UUID); consumers record it to process each event once.',
            },
            { name: 'eventType', type: 'string', doc: 'Name of the event type, e.g. OrderPlaced.' },
            { name: 'version', type: 'int', doc: "Version of this event type's schema." },
            {
              name: 'occurredAt',
              type: { type: 'long', logicalType: 'timestamp-millis' },
              doc: 'When the state change that produced this event happened, in milliseconds since the Unix epoch (UTC).',
            },
            { name: 'source', type: 'string', doc: 'The app that produced the event, e.g. order.' },
            {
              name: 'correlationId',
              type: 'string',
              doc: 'The same for every event caused by one order request.',
            },
            {
              name: 'causationId',
              type: ['null', 'string'],
              default: null,
              doc: 'The eventId of the event that caused this one; null for the first event of a flow.',
            },
          ],
        },
        doc: 'Event metadata shared by every event.',
      },
      { name: 'orderId', type: 'string', doc: 'Id of the cancelled order; the Kafka message key.' },
      { name: 'paymentId', type: 'string', doc: 'Id of the refunded payment.' },
      {
        name: 'amount',
        type: {
          type: 'record',
          name: 'Money',
          namespace: 'platform.events',
          doc: "An amount of money as an integer number of the currency's minor units (cents for EUR and USD), never a float, so sums and comparisons are exact.",
          fields: [
            {
              name: 'amountMinor',
              type: 'long',
              doc: 'The amount in minor units of the currency, e.g. 1999 for 19.99 EUR.',
            },
            {
              name: 'currency',
              type: 'string',
              doc: 'ISO 4217 alphabetic currency code in upper case, e.g. EUR.',
            },
          ],
        },
        doc: 'The amount given back: the authorized amount.',
      },
    ],
  },
  NotificationSent: {
    type: 'record',
    name: 'NotificationSent',
    namespace: 'platform.events',
    doc: 'The customer was told how their order ended. Nothing consumes it; it closes the story of an order on the topics.',
    fields: [
      {
        name: 'envelope',
        type: {
          type: 'record',
          name: 'EventEnvelope',
          namespace: 'platform.events',
          doc: "Metadata every event carries: identity for idempotency, the schema version, and the correlation and causation chain that ties one order's events together.",
          fields: [
            {
              name: 'eventId',
              type: 'string',
              doc: 'Unique id of this event (UUID); consumers record it to process each event once.',
            },
            { name: 'eventType', type: 'string', doc: 'Name of the event type, e.g. OrderPlaced.' },
            { name: 'version', type: 'int', doc: "Version of this event type's schema." },
            {
              name: 'occurredAt',
              type: { type: 'long', logicalType: 'timestamp-millis' },
              doc: 'When the state change that produced this event happened, in milliseconds since the Unix epoch (UTC).',
            },
            { name: 'source', type: 'string', doc: 'The app that produced the event, e.g. order.' },
            {
              name: 'correlationId',
              type: 'string',
              doc: 'The same for every event caused by one order request.',
            },
            {
              name: 'causationId',
              type: ['null', 'string'],
              default: null,
              doc: 'The eventId of the event that caused this one; null for the first event of a flow.',
            },
          ],
        },
        doc: 'Event metadata shared by every event.',
      },
      {
        name: 'orderId',
        type: 'string',
        doc: 'Id of the order the notification was about; the Kafka message key.',
      },
      { name: 'customerId', type: 'string', doc: 'Id of the notified customer.' },
      {
        name: 'kind',
        type: {
          type: 'enum',
          name: 'NotificationKind',
          doc: 'What the notification told the customer.',
          symbols: ['ORDER_CONFIRMED', 'ORDER_CANCELLED'],
        },
        doc: 'Which outcome of the order the notification announced.',
      },
      {
        name: 'channel',
        type: {
          type: 'enum',
          name: 'NotificationChannel',
          doc: 'How a notification is delivered.',
          symbols: ['EMAIL', 'LOG'],
        },
        doc: 'EMAIL for a sent e-mail, LOG when the notification was only written to the service log (local runs).',
      },
      {
        name: 'recipient',
        type: 'string',
        doc: 'Where the notification went: an e-mail address, or the customer id for LOG.',
      },
    ],
  },
};
