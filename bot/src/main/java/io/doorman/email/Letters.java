package io.doorman.email;

import io.doorman.email.smtp.Letter;
import io.doorman.email.token.ReplyTokens;
import io.doorman.store.StoredInvitation;
import java.util.Locale;
import java.util.Optional;

/**
 * The texts of Doorman's emails to a person: the verdict on an invitation they forwarded, the
 * confirmation of their answer, a nudge. Each carries the reply token in the reply address and the
 * subject, so a one-word answer can be tied to the invitation and to them.
 */
final class Letters {

  static final String HOW_TO_ANSWER = """
      Answer this email with one word on the first line:
        accept   you accept it (open the accept link on LinkedIn too)
        decline  you decline it (use "Ignore" on LinkedIn)
        ask      you sent the question above; Doorman watches for their answer
        wait     leave it as it is for now
      """;

  private final ReplyTokens tokens;
  private final String doorman;

  Letters(ReplyTokens tokens, String doormanAddress) {
    this.tokens = tokens;
    this.doorman = doormanAddress;
  }

  /** The reply to a forward: verdict, reasons, the suggested question. */
  Letter verdict(StoredInvitation inv, String to, String question) {
    StringBuilder b = new StringBuilder();
    b.append("Invitation from ").append(describe(inv)).append(".\n\n");
    b.append("Doorman suggests: ").append(inv.suggestedAction()).append(" (").append(inv.category()).append(")\n");
    if (!inv.authenticity().equals("linkedin")) {
      b.append("Authenticity: ").append(inv.authenticity())
          .append(inv.authenticity().equals("spoofed") ? " - this email only claims to be from LinkedIn; don't open its links." : "")
          .append('\n');
    }
    if (!inv.reasons().isEmpty()) {
      b.append("Why:\n");
      inv.reasons().forEach(r -> b.append("  - ").append(r).append('\n'));
    }
    inv.note().ifPresent(n -> b.append("\nTheir note:\n").append(quote(n)));
    b.append("\nIf you don't know them, send this on LinkedIn:\n\n").append(indent(question)).append("\n\n");
    inv.acceptUrl().ifPresent(u -> b.append("Accept on LinkedIn: ").append(u).append("\n\n"));
    b.append(HOW_TO_ANSWER);
    return letter(inv, to, "Doorman: " + inv.senderName() + " - " + inv.suggestedAction() + " (" + inv.category() + ")",
        b.toString());
  }

  /** What became of a one-word answer. */
  Letter confirmation(StoredInvitation inv, String to, String what) {
    return letter(inv, to, "Re: Doorman: " + inv.senderName() + " - " + what,
        "Invitation from " + describe(inv) + ":\n" + what + "\n\n" + HOW_TO_ANSWER);
  }

  /** An answer without one of the words. */
  Letter notUnderstood(StoredInvitation inv, String to) {
    return letter(inv, to, "Re: Doorman: " + inv.senderName() + " - answer not understood",
        "Doorman could not find accept, decline, ask or wait on the first line of your answer about "
            + describe(inv) + ".\n\n" + HOW_TO_ANSWER);
  }

  /** No answer came to the question: the follow-up text to send. */
  Letter nudge(StoredInvitation inv, String to, String followUp) {
    return letter(inv, to, "Doorman: no answer yet from " + inv.senderName(),
        inv.senderName() + " has not answered \"Have we met?\" since it was asked.\n\n"
            + "A follow-up to send on LinkedIn:\n\n" + indent(followUp) + "\n\n" + HOW_TO_ANSWER);
  }

  /** The policy declined it for want of an answer. */
  Letter autoDeclined(StoredInvitation inv, String to) {
    return letter(inv, to, "Doorman: declined " + inv.senderName() + " (no answer)",
        "No answer came from " + describe(inv) + ", so the policy declined the invitation.\n"
            + "Use \"Ignore\" on LinkedIn.\n");
  }

  private Letter letter(StoredInvitation inv, String to, String subject, String text) {
    String token = tokens.tokenFor(inv.id(), to);
    return new Letter(to, subject + " [doorman #" + inv.id() + " " + token + "]", Optional.of(plusAddress(token)), text,
        Optional.empty());
  }

  /** {@code doorman+TOKEN@domain}: answers reach the same mailbox, token in the address. */
  String plusAddress(String token) {
    int at = doorman.lastIndexOf('@');
    return doorman.substring(0, at) + "+" + token + doorman.substring(at);
  }

  static String describe(StoredInvitation inv) {
    StringBuilder b = new StringBuilder(inv.senderName());
    inv.senderHeadline().ifPresent(h -> b.append(" (").append(h).append(')'));
    inv.mutualConnections().ifPresent(n -> b.append(", ").append(n).append(n == 1 ? " mutual connection" : " mutual connections"));
    inv.recipient().ifPresent(r -> b.append(", to ").append(r));
    return b.toString();
  }

  static String state(StoredInvitation inv) {
    return inv.state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder();
    s.lines().forEach(l -> b.append("> ").append(l).append('\n'));
    return b.toString();
  }

  private static String indent(String s) {
    StringBuilder b = new StringBuilder();
    s.lines().forEach(l -> b.append("    ").append(l).append('\n'));
    return b.toString().stripTrailing();
  }
}
