-- One node at a time reads a given mailbox: the row's owner holds it until expires_at, renewing it
-- while it runs; another node takes it over once it has expired. Runs on H2 2.x and PostgreSQL 12+.
CREATE TABLE mailbox_leases (
  mailbox    VARCHAR(500) NOT NULL PRIMARY KEY,
  owner      VARCHAR(200) NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
