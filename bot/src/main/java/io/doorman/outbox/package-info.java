/**
 * The one durable outbox: every outbound effect (Slack cards, updates, thread posts and notices;
 * the verdict, confirmation, nudge and digest emails) is a row written in the transaction of the
 * change that causes it, with an idempotency key, delivered by one {@link io.doorman.outbox.Relay}
 * per cluster (the {@code outbox} lease), paced per lane, retried with exponential backoff and
 * jitter, and parked as dead when it fails for good. Channels plug in a {@link
 * io.doorman.outbox.Sender}.
 */
package io.doorman.outbox;
