/**
 * The event stream: what happened to an invitation (stored, decided, asked, answered, follow-up
 * due), planned into outbound effects inside the transaction that caused it and told to listeners
 * after it committed. Slack, email, metrics and the console all hear the same events.
 */
package io.doorman.events;
