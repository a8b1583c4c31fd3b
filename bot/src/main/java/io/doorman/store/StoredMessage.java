package io.doorman.store;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** A message notification as stored, with the invitation it answers when one was found. */
public record StoredMessage(
    long id,
    String senderName,
    Optional<String> recipient,
    String body,
    String replyClass,
    String suggestedAction,
    OptionalLong invitationId,
    Instant receivedAt,
    String source) {}
