-- Up Migration
-- Where the order was placed (OrderPlaced version 2). Reservations made from version-1 events, and
-- those made before this migration, read `api`: POST /orders was the only way in then.
ALTER TABLE reservations ADD COLUMN channel TEXT NOT NULL DEFAULT 'api';

-- Down Migration
ALTER TABLE reservations DROP COLUMN channel;
