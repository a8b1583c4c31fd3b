-- Team signals look invitations up by the sender's profile link (or name, when a spoofed
-- notification has no link): without this index each ingest scanned the whole table.
CREATE INDEX invitations_by_profile ON invitations (profile_url);
