-- Up Migration
-- What can still be sold, per SKU. A row with 0 is a sold-out product; a SKU without a row is not
-- in the catalogue. The CHECK is the last guard against overselling should a code path ever skip
-- the row locks that the reservation handler takes.
CREATE TABLE stock_levels (
  sku TEXT PRIMARY KEY,
  available INTEGER NOT NULL CHECK (available >= 0),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- What one order holds, kept so a declined payment gives back exactly that and only once.
-- Rejected orders leave no row: nothing was held.
CREATE TABLE reservations (
  order_id TEXT PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('HELD', 'RELEASED')),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  released_at TIMESTAMPTZ,
  CHECK ((status = 'RELEASED') = (released_at IS NOT NULL))
);

-- One line per SKU (the domain sums an order's lines of one SKU), in the order's first mention.
CREATE TABLE reservation_lines (
  order_id TEXT NOT NULL REFERENCES reservations (order_id),
  line_no INTEGER NOT NULL,
  sku TEXT NOT NULL REFERENCES stock_levels (sku),
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (order_id, line_no),
  UNIQUE (order_id, sku)
);

-- Down Migration
DROP TABLE reservation_lines;
DROP TABLE reservations;
DROP TABLE stock_levels;
