-- The question as it was asked, by any channel (it was Slack's alone, in slack_questions): the
-- decision service saves it in the same transaction as the ASK. Runs on H2 2.x and PostgreSQL 12+.
CREATE TABLE questions (
  invitation_id BIGINT PRIMARY KEY REFERENCES invitations (id),
  question      VARCHAR(4000) NOT NULL,
  asked_by      VARCHAR(300) NOT NULL,
  asked_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

INSERT INTO questions (invitation_id, question, asked_by, asked_at)
  SELECT q.invitation_id, q.question, q.asked_by, COALESCE(i.asked_at, i.state_at)
  FROM slack_questions q JOIN invitations i ON i.id = q.invitation_id;

DROP TABLE slack_questions;

-- Who decided, as a person reads it (a Slack user's name beside their id); actor keeps the id.
ALTER TABLE audit_log ADD COLUMN actor_name VARCHAR(300);
