/**
 * The one lease mechanism: with several Doorman nodes on one database, one node at a time does a
 * job that must not be done twice at once (reading a mailbox, delivering the outbox). The lease is
 * a row (holder, expiry) its holder renews; another node takes it over once it has expired, so a
 * node that dies hands the job on within one lease time.
 */
package io.doorman.lease;
