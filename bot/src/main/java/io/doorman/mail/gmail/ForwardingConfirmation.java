package io.doorman.mail.gmail;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * One Gmail forwarding request waiting for confirmation.
 *
 * @param code the confirmation code to type into the forwarder's Gmail settings
 * @param link the confirmation link, only when it points at a google.com host
 * @param requestedBy the Gmail address that wants to forward here, when the email names it
 */
public record ForwardingConfirmation(String code, Optional<URI> link, Optional<String> requestedBy, Instant receivedAt) {}
