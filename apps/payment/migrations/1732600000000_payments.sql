-- Up Migration
-- One row per order: the UNIQUE order_id is what makes a second StockReserved for an order
-- (a redelivery under a new eventId, a replayed topic) unable to charge the card again.
CREATE TABLE payments (
  payment_id TEXT PRIMARY KEY,
  order_id TEXT NOT NULL UNIQUE,
  amount_minor BIGINT NOT NULL CHECK (amount_minor >= 0),
  currency CHAR(3) NOT NULL,
  payment_method TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('AUTHORIZED', 'DECLINED')),
  decline_reason TEXT CHECK (
    decline_reason IN ('CARD_DECLINED', 'INSUFFICIENT_FUNDS', 'EXPIRED_CARD', 'PROCESSING_ERROR')
  ),
  decided_at TIMESTAMPTZ NOT NULL,
  correlation_id TEXT NOT NULL,
  -- A declined payment says why; an authorized one has nothing to explain.
  CONSTRAINT payments_decline_reason_iff_declined CHECK ((status = 'DECLINED') = (decline_reason IS NOT NULL))
);

-- Down Migration
DROP TABLE payments;
