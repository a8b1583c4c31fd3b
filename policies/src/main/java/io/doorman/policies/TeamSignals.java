package io.doorman.policies;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the team knows about an invitation's sender, supplied by the caller (the policy itself never
 * looks anything up).
 *
 * @param sameSenderInviteAges for each other invitation the same sender sent to a teammate, how long
 *     before this one it arrived (zero or positive)
 * @param previouslyDeclinedByTeam whether a teammate has declined this sender before
 */
public record TeamSignals(List<Duration> sameSenderInviteAges, boolean previouslyDeclinedByTeam) {

  /** Nothing known about the sender. */
  public static final TeamSignals NONE = new TeamSignals(List.of(), false);

  public TeamSignals {
    sameSenderInviteAges = List.copyOf(Objects.requireNonNull(sameSenderInviteAges, "ages"));
  }

  /** How many teammates this sender invited within {@code window} before this invitation. */
  public int sameSenderInvitedTeammates(Duration window) {
    int count = 0;
    for (Duration age : sameSenderInviteAges) {
      if (age.compareTo(window) <= 0) {
        count++;
      }
    }
    return count;
  }
}
