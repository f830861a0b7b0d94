-- Up Migration
-- When a PENDING order times out. Set at placement from ORDER_DEADLINE_SECONDS; orders placed before
-- this migration get the default of 15 minutes after their placement, so none stays PENDING forever.
ALTER TABLE orders ADD COLUMN deadline_at TIMESTAMPTZ;
UPDATE orders SET deadline_at = placed_at + interval '15 minutes';
ALTER TABLE orders ALTER COLUMN deadline_at SET NOT NULL;
-- The deadline sweep's question, "which PENDING orders are due?", reads only the pending ones.
CREATE INDEX orders_pending_by_deadline ON orders (deadline_at) WHERE status = 'PENDING';

-- Down Migration
DROP INDEX orders_pending_by_deadline;
ALTER TABLE orders DROP COLUMN deadline_at;
