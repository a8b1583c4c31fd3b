-- Lists are pages: ordered by state, the time the invitation entered it, and id, each page
-- starting after the last row of the one before (keyset paging). This index serves them, and the
-- follow-ups too (an ASKED invitation's state time is when it was asked), in place of V2's
-- (state, asked_at): as many indexes to write per stored invitation as before.
CREATE INDEX invitations_by_state_time ON invitations (state, state_at, id);
DROP INDEX invitations_by_asked_at;
