-- Up Migration
-- One row per order outcome the customer was told about (or that could not be delivered).
CREATE TABLE notifications (
  notification_id TEXT PRIMARY KEY,
  order_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('ORDER_CONFIRMED', 'ORDER_CANCELLED')),
  channel TEXT NOT NULL CHECK (channel IN ('EMAIL', 'LOG')),
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('SENT', 'FAILED')),
  failure_reason TEXT,
  correlation_id TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  sent_at TIMESTAMPTZ,
  CHECK ((status = 'FAILED') = (failure_reason IS NOT NULL))
);
-- The guard against telling a customer twice: an OrderConfirmed or OrderCancelled that arrives
-- again under a new eventId (the inbox only dedupes by eventId) finds its outcome taken. It also
-- serves GET /notifications?orderId=.
CREATE UNIQUE INDEX notifications_one_per_order_outcome ON notifications (order_id, kind);

-- Down Migration
DROP TABLE notifications;
