package io.doorman.policies;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A connection invitation.
 *
 * @param sender who wants to connect
 * @param mutualConnections shared connections, when the email says
 * @param note the personal note exactly as written (trimmed); empty when there is none or only
 *     LinkedIn's default text
 * @param acceptUrl the accept link on a LinkedIn host; empty when spoofed
 * @param invitationId LinkedIn's invitation id from the accept link, when there is one
 * @param reminder whether this email is LinkedIn's reminder of an invitation sent earlier
 */
public record Invitation(
    Origin origin,
    Person sender,
    OptionalInt mutualConnections,
    Optional<String> note,
    Optional<String> acceptUrl,
    Optional<String> invitationId,
    boolean reminder)
    implements Notification {

  public Invitation {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(mutualConnections, "mutualConnections");
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(acceptUrl, "acceptUrl");
    Objects.requireNonNull(invitationId, "invitationId");
  }

  @Override
  public Kind kind() {
    return Kind.INVITATION;
  }

  /**
   * What makes two emails the same invitation: LinkedIn's invitation id when the accept link has
   * one, otherwise the sender (profile link, else name) and the recipient. A reminder and the
   * original share it, as do two forwards of one email.
   */
  public String key() {
    if (invitationId.isPresent()) {
      return "id:" + invitationId.get();
    }
    String who = sender.profileUrl().orElse(sender.name()).toLowerCase(Locale.ROOT);
    String to = origin.recipient().orElse("").toLowerCase(Locale.ROOT);
    return "from:" + who + "|to:" + to;
  }
}
