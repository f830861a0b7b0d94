-- Runs once, when the PostgreSQL container initialises its volume: one database per app.
CREATE DATABASE "order";
CREATE DATABASE inventory;
CREATE DATABASE payment;
CREATE DATABASE notification;
