-- Up Migration
-- Tables every app that produces or consumes events needs; applied to each app's database
-- before the app's own migrations (tracked in their own migrations table).

-- Events written in the same transaction as the state change that caused them; the relay
-- publishes them in id order and stamps published_at.
CREATE TABLE outbox_messages (
  id BIGSERIAL PRIMARY KEY,
  event_id TEXT NOT NULL UNIQUE,
  event_type TEXT NOT NULL,
  topic TEXT NOT NULL,
  message_key TEXT NOT NULL,
  payload JSONB NOT NULL,
  headers JSONB NOT NULL DEFAULT '{}'::jsonb,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  published_at TIMESTAMPTZ
);
-- The relay only ever reads the unpublished tail; a partial index keeps that read small
-- however many published rows wait for cleanup.
CREATE INDEX outbox_messages_unpublished ON outbox_messages (id) WHERE published_at IS NULL;
CREATE INDEX outbox_messages_published_at ON outbox_messages (published_at) WHERE published_at IS NOT NULL;

-- One row per event a consumer group has applied, written in the handler's transaction:
-- a redelivered event finds its row and changes nothing.
CREATE TABLE processed_events (
  consumer_group TEXT NOT NULL,
  event_id TEXT NOT NULL,
  event_type TEXT NOT NULL,
  topic TEXT NOT NULL,
  processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer_group, event_id)
);

-- Down Migration
DROP TABLE processed_events;
DROP TABLE outbox_messages;
