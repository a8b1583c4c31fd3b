/** Test helpers: made-up emails, the samples, waiting on conditions with a deadline. */
package io.doorman.testing;
