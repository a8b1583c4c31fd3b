/** {@code doorman run}: the service, built by {@link io.doorman.app.Doorman}, until stopped. */
package io.doorman.cli.run;
