-- The (state, asked_at) index of V2 serves every look-up by state on its own, so the state-only
-- index of V1 only cost a write per stored invitation.
DROP INDEX invitations_by_state;
