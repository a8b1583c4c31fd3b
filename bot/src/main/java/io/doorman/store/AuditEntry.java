package io.doorman.store;

import io.doorman.lifecycle.State;
import java.time.Instant;
import java.util.Optional;

/**
 * One row of the audit log: who moved which invitation from where to where, when, and how.
 *
 * @param actor who, by id ({@code @U0ALICE}, an address, an operator)
 * @param actorName who, as a person reads it (the Slack user's name); the id when nothing more is known
 */
public record AuditEntry(
    long invitationId,
    Instant at,
    String actor,
    String actorName,
    String channel,
    Optional<State> from,
    State to,
    Optional<String> detail) {}
