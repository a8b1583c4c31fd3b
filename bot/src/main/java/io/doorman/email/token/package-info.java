/**
 * Reply tokens: what ties an email answer to one invitation and one person. A token is the
 * invitation id and an HMAC-SHA256 of it and the person's address, so only the person Doorman wrote
 * to can answer for that invitation, and nobody can make up a token for another.
 */
package io.doorman.email.token;
