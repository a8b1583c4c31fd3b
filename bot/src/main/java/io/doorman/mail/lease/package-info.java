/**
 * The mailbox lease: with several Doorman nodes on one database, one node at a time reads a given
 * mailbox. The lease is a row (owner, expiry) that its holder renews; another node takes it over
 * once it has expired, so a node that dies hands the mailbox on within one lease time.
 */
package io.doorman.mail.lease;
