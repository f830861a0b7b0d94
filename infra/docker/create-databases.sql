-- Runs once, when the PostgreSQL container initialises its volume (docker-compose.yml mounts it into
-- /docker-entrypoint-initdb.d). One database per app, owned by the app's own login role, and closed
-- to everyone else: a service can reach its own data only, as the design says. Each app creates its
-- tables itself at start (migrations), as the owner of its database.
-- The passwords are for this local stack only; docker-compose.yml's DATABASE_URLs use them.

CREATE ROLE order_service LOGIN PASSWORD 'order_service';
CREATE DATABASE "order" OWNER order_service;
REVOKE ALL ON DATABASE "order" FROM PUBLIC;

CREATE ROLE inventory_service LOGIN PASSWORD 'inventory_service';
CREATE DATABASE inventory OWNER inventory_service;
REVOKE ALL ON DATABASE inventory FROM PUBLIC;

CREATE ROLE payment_service LOGIN PASSWORD 'payment_service';
CREATE DATABASE payment OWNER payment_service;
REVOKE ALL ON DATABASE payment FROM PUBLIC;

CREATE ROLE notification_service LOGIN PASSWORD 'notification_service';
CREATE DATABASE notification OWNER notification_service;
REVOKE ALL ON DATABASE notification FROM PUBLIC;
