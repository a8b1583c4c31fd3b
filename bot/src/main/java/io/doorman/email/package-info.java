/**
 * Email as a channel: a person who forwards an invitation to Doorman's mailbox gets the verdict,
 * its reasons and the "Have we met?" text by email, answers with one word ({@code accept}, {@code
 * decline}, {@code ask}, {@code wait}) and Doorman records it; follow-up nudges and a daily digest
 * go to the same people. Only addresses and domains in {@code email.allow} ever get mail (no
 * backscatter), and an answer counts only with the token Doorman signed for that invitation and
 * that address.
 *
 * <p>{@link io.doorman.email.EmailConversations} is the entry.
 */
package io.doorman.email;
