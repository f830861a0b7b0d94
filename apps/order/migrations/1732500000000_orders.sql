-- Up Migration
CREATE TABLE orders (
  order_id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'CANCELLED')),
  currency CHAR(3) NOT NULL,
  total_minor BIGINT NOT NULL,
  payment_method TEXT NOT NULL,
  correlation_id TEXT NOT NULL,
  cancellation_reason TEXT,
  cancellation_detail TEXT,
  payment_id TEXT,
  placed_at TIMESTAMPTZ NOT NULL,
  stock_reserved_at TIMESTAMPTZ,
  confirmed_at TIMESTAMPTZ,
  cancelled_at TIMESTAMPTZ,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- GET /orders filters by status and customer and pages by (placed_at, order_id).
CREATE INDEX orders_by_status ON orders (status, placed_at DESC, order_id DESC);
CREATE INDEX orders_by_customer ON orders (customer_id, placed_at DESC, order_id DESC);
CREATE INDEX orders_by_placed_at ON orders (placed_at DESC, order_id DESC);

CREATE TABLE order_lines (
  order_id TEXT NOT NULL REFERENCES orders (order_id),
  line_no INTEGER NOT NULL,
  sku TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  unit_price_minor BIGINT NOT NULL CHECK (unit_price_minor >= 0),
  PRIMARY KEY (order_id, line_no)
);

-- Every event the order emitted or reacted to: the history GET /orders/:id shows.
CREATE TABLE order_history (
  id BIGSERIAL PRIMARY KEY,
  order_id TEXT NOT NULL REFERENCES orders (order_id),
  event_id TEXT NOT NULL,
  event_type TEXT NOT NULL,
  source TEXT NOT NULL,
  occurred_at TIMESTAMPTZ NOT NULL,
  recorded_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX order_history_by_order ON order_history (order_id, id);

CREATE TABLE idempotency_keys (
  idempotency_key TEXT PRIMARY KEY,
  request_fingerprint TEXT NOT NULL,
  order_id TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Down Migration
DROP TABLE idempotency_keys;
DROP TABLE order_history;
DROP TABLE order_lines;
DROP TABLE orders;
