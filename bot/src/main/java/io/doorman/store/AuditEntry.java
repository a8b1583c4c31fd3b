package io.doorman.store;

import io.doorman.lifecycle.State;
import java.time.Instant;
import java.util.Optional;

/** One row of the audit log: who moved which invitation from where to where, when, and how. */
public record AuditEntry(
    long invitationId,
    Instant at,
    String actor,
    String channel,
    Optional<State> from,
    State to,
    Optional<String> detail) {}
