package io.doorman.policies.engine;

import io.doorman.policies.Action;
import io.doorman.policies.Category;
import io.doorman.policies.Invitation;
import io.doorman.policies.Language;
import io.doorman.policies.Message;
import io.doorman.policies.Person;
import io.doorman.policies.Reply;
import io.doorman.policies.ReplyClass;
import io.doorman.policies.TeamSignals;
import io.doorman.policies.Verdict;
import io.doorman.policies.rules.Facts;
import io.doorman.policies.rules.FoldedText;
import io.doorman.policies.rules.Vocabulary;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded, compiled policy. Classifies invitations and answers to "Have we met?" and explains
 * why; never does I/O; safe to share between threads.
 */
public final class Policy {

  static final String[] CATEGORY_LABELS = labels(Category.values());
  static final String[] REPLY_LABELS = labels(ReplyClass.values());
  /** CONTRACT.md's order: the declaration order of {@link Category}. */
  static final int[] CATEGORY_TIE_ORDER = {0, 1, 2, 3, 4, 5, 6, 7};
  /** A pitch first, then the answers that need a look, then "met", then "not met". */
  static final int[] REPLY_TIE_ORDER = {
    ReplyClass.PITCH.ordinal(),
    ReplyClass.MUTUAL_ACQUAINTANCE.ordinal(),
    ReplyClass.SHARED_INTEREST.ordinal(),
    ReplyClass.MET.ordinal(),
    ReplyClass.NOT_MET.ordinal()
  };

  private final Vocabulary vocabulary;
  private final RuleBook everyone;
  private final Map<String, RuleBook> byRecipient;
  private final Duration followUpAfter;
  private final Optional<Duration> autoDeclineAfter;
  private final Map<String, Map<Language, String>> templates;
  private final Learning learning;

  Policy(
      Vocabulary vocabulary,
      RuleBook everyone,
      Map<String, RuleBook> byRecipient,
      Duration followUpAfter,
      Optional<Duration> autoDeclineAfter,
      Map<String, Map<Language, String>> templates) {
    this(vocabulary, everyone, byRecipient, followUpAfter, autoDeclineAfter, templates,
        Learning.NONE);
  }

  private Policy(
      Vocabulary vocabulary,
      RuleBook everyone,
      Map<String, RuleBook> byRecipient,
      Duration followUpAfter,
      Optional<Duration> autoDeclineAfter,
      Map<String, Map<Language, String>> templates,
      Learning learning) {
    this.learning = learning;
    this.vocabulary = vocabulary;
    this.everyone = everyone;
    this.byRecipient = Map.copyOf(byRecipient);
    this.followUpAfter = followUpAfter;
    this.autoDeclineAfter = autoDeclineAfter;
    this.templates = Map.copyOf(templates);
  }

  /** The built-in default policy alone. */
  public static Policy defaults() {
    return PolicyLoader.DEFAULT.get();
  }

  public Verdict classify(Invitation invitation) {
    return classify(invitation, TeamSignals.NONE);
  }

  /**
   * The same policy, consulting learned models: {@code learned} conditions and points then read
   * the model {@code learning} gives for each invitation's recipient.
   */
  public Policy withLearning(Learning learning) {
    return new Policy(vocabulary, everyone, byRecipient, followUpAfter, autoDeclineAfter,
        templates, java.util.Objects.requireNonNull(learning, "learning"));
  }

  public Verdict classify(Invitation invitation, TeamSignals team) {
    Facts facts = facts(invitation, team);
    RuleBook book = bookFor(facts);
    Scoring s = new Scoring(CATEGORY_LABELS, CATEGORY_TIE_ORDER).run(book.rules(), facts);
    Category category = Category.values()[s.winner(fallback(invitation).ordinal())];
    Action action = s.forcedAction().orElse(book.actions().get(category));
    return new Verdict(category, action, s.reasons(facts), facts.modelConsulted());
  }

  private Facts facts(Invitation invitation, TeamSignals team) {
    return Facts.of(invitation, team, vocabulary,
        learning.predictorFor(invitation.origin().recipient()));
  }

  public Explanation explain(Invitation invitation, TeamSignals team) {
    Facts facts = facts(invitation, team);
    RuleBook book = bookFor(facts);
    Scoring s = new Scoring(CATEGORY_LABELS, CATEGORY_TIE_ORDER).run(book.rules(), facts);
    Category category = Category.values()[s.winner(fallback(invitation).ordinal())];
    Action action = s.forcedAction().orElse(book.actions().get(category));
    return new Explanation(category.wireName(), action, s.pointsByLabel(), s.firedRules(facts));
  }

  public Reply classifyReply(Message message) {
    Facts facts = Facts.of(message, vocabulary);
    RuleBook book = bookFor(facts);
    Scoring s = new Scoring(REPLY_LABELS, REPLY_TIE_ORDER).run(book.replyRules(), facts);
    ReplyClass replyClass = ReplyClass.values()[s.winner(book.replyFallback().ordinal())];
    Action action = s.forcedAction().orElse(book.replyActions().get(replyClass));
    return new Reply(replyClass, action, s.reasons(facts));
  }

  public Explanation explainReply(Message message) {
    Facts facts = Facts.of(message, vocabulary);
    RuleBook book = bookFor(facts);
    Scoring s = new Scoring(REPLY_LABELS, REPLY_TIE_ORDER).run(book.replyRules(), facts);
    ReplyClass replyClass = ReplyClass.values()[s.winner(book.replyFallback().ordinal())];
    Action action = s.forcedAction().orElse(book.replyActions().get(replyClass));
    return new Explanation(replyClass.wireName(), action, s.pointsByLabel(), s.firedRules(facts));
  }

  /** How long to wait for an answer to "Have we met?" before following up (default 10 days). */
  public Duration followUpAfter() {
    return followUpAfter;
  }

  /** How long after asking to decline without an answer; empty when off (the default). */
  public Optional<Duration> autoDeclineAfter() {
    return autoDeclineAfter;
  }

  /** "Have we met?" for this sender, in the language (English when the policy has none for it). */
  public String clarifyingQuestion(Language language, Person sender, String recipientFirstName) {
    return render("clarifyingQuestion", language, sender, recipientFirstName);
  }

  /** The nudge sent when no answer came within {@link #followUpAfter()}. */
  public String followUp(Language language, Person sender, String recipientFirstName) {
    return render("followUp", language, sender, recipientFirstName);
  }

  private String render(String name, Language language, Person sender, String recipientFirst) {
    Map<Language, String> byLanguage = templates.getOrDefault(name, Map.of());
    String template = byLanguage.getOrDefault(language, byLanguage.getOrDefault(Language.EN, ""));
    return template
        .replace("{firstName}", sender.firstName())
        .replace("{recipientFirstName}", recipientFirst);
  }

  private RuleBook bookFor(Facts facts) {
    if (byRecipient.isEmpty() || facts.recipient().isEmpty()) {
      return everyone;
    }
    return byRecipient.getOrDefault(FoldedText.fold(facts.recipient().get()), everyone);
  }

  private static Category fallback(Invitation invitation) {
    return invitation.note().filter(n -> !n.isBlank()).isPresent()
        ? Category.GENERIC_NOTE
        : Category.NO_NOTE;
  }

  private static String[] labels(Enum<?>[] values) {
    String[] out = new String[values.length];
    for (Enum<?> v : values) {
      out[v.ordinal()] = v.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
    return out;
  }
}
