/**
 * The local console: a server-rendered page listing invitations by state with the card's
 * information and the same actions as Slack (accept, decline, ask, wait), each invitation's
 * history. Forms are POSTed with a CSRF token; when bound beyond loopback every request needs the
 * console token. All text from emails is HTML-escaped.
 */
package io.doorman.console;
