-- When "Have we met?" was (last) asked: follow-ups and auto-declines count from here.
ALTER TABLE invitations ADD COLUMN asked_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX invitations_by_asked_at ON invitations (state, asked_at);
