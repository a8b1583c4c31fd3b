package io.doorman.cli.classify;

import io.doorman.policies.Notification;
import io.doorman.policies.Reply;
import io.doorman.policies.Verdict;
import java.util.Optional;

/** A notification with what the policy made of it (a verdict for invitations, a reply class for messages). */
record Classified(Notification notification, Optional<Verdict> verdict, Optional<Reply> reply) {}
