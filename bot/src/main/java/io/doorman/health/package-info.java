/**
 * Health: {@code /healthz} (the process answers) and {@code /readyz} (the store answers and every
 * configured component says it is ready), each probe named in a JSON body.
 */
package io.doorman.health;
