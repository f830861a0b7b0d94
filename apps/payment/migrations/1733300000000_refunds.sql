-- Up Migration
-- A payment authorized for an order that was cancelled (timed out while payment was down, or its
-- authorization arrived after the cancellation) is refunded, once: AUTHORIZED becomes REFUNDED.
ALTER TABLE payments DROP CONSTRAINT payments_status_check;
ALTER TABLE payments ADD CONSTRAINT payments_status_check CHECK (status IN ('AUTHORIZED', 'DECLINED', 'REFUNDED'));
ALTER TABLE payments ADD COLUMN refunded_at TIMESTAMPTZ;
ALTER TABLE payments ADD CONSTRAINT payments_refunded_at_iff_refunded
  CHECK ((status = 'REFUNDED') = (refunded_at IS NOT NULL));

-- Down Migration
ALTER TABLE payments DROP CONSTRAINT payments_refunded_at_iff_refunded;
ALTER TABLE payments DROP COLUMN refunded_at;
ALTER TABLE payments DROP CONSTRAINT payments_status_check;
ALTER TABLE payments ADD CONSTRAINT payments_status_check CHECK (status IN ('AUTHORIZED', 'DECLINED'));
