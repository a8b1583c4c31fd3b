package io.doorman.slack.cards;

/**
 * The {@code action_id}s and {@code callback_id}s the cards carry; the app's handlers listen for
 * the same names. Button values are the invitation id.
 */
public final class ActionIds {

  public static final String ACCEPT = "doorman.accept";
  public static final String ASK = "doorman.ask";
  public static final String DECLINE = "doorman.decline";
  public static final String WAIT = "doorman.wait";
  public static final String PROFILE = "doorman.profile";
  public static final String INVITATION_MANAGER = "doorman.invitation-manager";
  /** The Ask modal's callback id; its private metadata is the invitation id. */
  public static final String ASK_MODAL = "doorman.ask-modal";
  public static final String QUESTION_BLOCK = "question";
  public static final String QUESTION_INPUT = "question-text";

  private ActionIds() {}
}
