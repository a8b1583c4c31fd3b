package io.doorman.policies;

/**
 * One LinkedIn notification, read from an email. A digest email yields one per invitation in it.
 */
public sealed interface Notification permits Invitation, Message, Accepted, Other {

  Origin origin();

  Kind kind();
}
