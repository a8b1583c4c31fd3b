-- One lease mechanism for every job only one node may do at a time: a mailbox ("mailbox:NAME"),
-- the outbox ("outbox"). Held while expires_at is after now; released to the epoch. Replaces
-- V7's mailbox_leases and V6's slack_outbox_lease. Runs on H2 2.x and PostgreSQL 12+.
CREATE TABLE leases (
  name       VARCHAR(600) PRIMARY KEY,
  holder     VARCHAR(200) NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

INSERT INTO leases (name, holder, expires_at)
  SELECT 'mailbox:' || mailbox, owner, expires_at FROM mailbox_leases;

DROP TABLE mailbox_leases;
DROP TABLE slack_outbox_lease;
