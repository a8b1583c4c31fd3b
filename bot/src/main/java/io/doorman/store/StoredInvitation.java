package io.doorman.store;

import io.doorman.lifecycle.State;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** An invitation as the store holds it: what the email said, the verdict, and where it stands. */
public record StoredInvitation(
    long id,
    String key,
    Optional<String> recipient,
    String senderName,
    Optional<String> senderHeadline,
    Optional<String> senderLocation,
    Optional<String> profileUrl,
    Optional<String> acceptUrl,
    Optional<String> note,
    OptionalInt mutualConnections,
    String authenticity,
    String language,
    String category,
    String suggestedAction,
    List<String> reasons,
    State state,
    String stateBy,
    Instant stateAt,
    int sightings,
    Instant firstSeen,
    Instant lastSeen,
    String source) {}
