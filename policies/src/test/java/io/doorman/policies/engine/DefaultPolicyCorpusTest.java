package io.doorman.policies.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorman.policies.Reply;
import io.doorman.policies.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The default policy against the shared corpus's labels, with records built straight from the
 * labels (so this measures the policy, not the mail parser).
 */
class DefaultPolicyCorpusTest {

  @Test
  void defaultPolicyMatchesTheCorpusLabels() throws IOException {
    Optional<Path> dir = CorpusLabels.directory();
    Assumptions.assumeTrue(dir.isPresent(),
        "shared corpus not found (set -Ddoorman.corpus or DOORMAN_CORPUS); skipping");
    Policy policy = Policy.defaults();
    int invitations = 0;
    int categoryOk = 0;
    int actionOk = 0;
    int messages = 0;
    int replyOk = 0;
    List<String> misses = new ArrayList<>();
    for (CorpusLabels.Labelled l : CorpusLabels.read(dir.get())) {
      if (l.kind().equals("invitation")) {
        invitations++;
        Verdict v = policy.classify(l.invitation());
        boolean c = v.category().wireName().equals(l.text("category").orElse(""));
        boolean a = v.action().wireName().equals(l.text("action").orElse(""));
        categoryOk += c ? 1 : 0;
        actionOk += a ? 1 : 0;
        if (!c || !a) {
          misses.add(l.source() + ": want " + l.text("category").orElse("") + "/"
              + l.text("action").orElse("") + ", got " + v.category().wireName() + "/"
              + v.action().wireName() + " " + v.reasons());
        }
      } else if (l.kind().equals("message")) {
        messages++;
        Reply r = policy.classifyReply(l.message());
        boolean ok = r.replyClass().wireName().equals(l.text("reply_class").orElse(""));
        replyOk += ok ? 1 : 0;
        if (!ok) {
          misses.add(l.source() + ": want " + l.text("reply_class").orElse("") + ", got "
              + r.replyClass().wireName() + " " + r.reasons());
        }
      }
    }
    double category = (double) categoryOk / invitations;
    double action = (double) actionOk / invitations;
    double reply = (double) replyOk / messages;
    String report = String.format("category %.3f, action %.3f, reply_class %.3f over %d invitations"
        + " and %d messages%n%s", category, action, reply, invitations, messages,
        String.join("\n", misses));
    System.out.println(report);
    assertTrue(category >= 0.97 && action >= 0.97 && reply >= 0.95, report);
  }
}
