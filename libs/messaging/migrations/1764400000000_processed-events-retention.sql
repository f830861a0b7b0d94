-- Up Migration
-- processed_events only needs to remember an event for as long as Kafka could deliver it again;
-- the relay's housekeeping deletes older rows, and this index keeps that delete cheap.
CREATE INDEX processed_events_processed_at ON processed_events (processed_at);

-- Down Migration
DROP INDEX processed_events_processed_at;
