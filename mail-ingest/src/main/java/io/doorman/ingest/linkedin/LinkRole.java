package io.doorman.ingest.linkedin;

/** What a link of a notification is for. */
enum LinkRole {
  /** Accepts the invitation (for people without an account: confirms they know the sender). */
  ACCEPT,
  /** The sender's profile. */
  PROFILE,
  /** The message thread: reply, view message. */
  THREAD,
  /** Writes a new message (an accepted notice's "Message Jane"). */
  COMPOSE,
  /** LinkedIn's footer: unsubscribe, help, settings, why this email. */
  FOOTER,
  /** Anything else: home, feed, jobs, see all invitations, ignore. */
  OTHER;

  /** Whether the link belongs to the notification's content rather than LinkedIn's frame. */
  boolean isContent() {
    return this == ACCEPT || this == PROFILE || this == THREAD || this == COMPOSE;
  }
}
