package io.doorman.outbox;

import java.time.Instant;

/** One outbox row handed to its sender: the effect, how often it was tried, and since when it waits. */
public record Delivery(long id, String key, String kind, String lane, Payload payload, int attempts, Instant createdAt) {}
