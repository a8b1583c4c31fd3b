/**
 * The composition root: {@link io.doorman.app.Doorman} builds everything {@code doorman run}
 * starts (store, policy, intake, sources, scheduler, web server and what is mounted on it) in one
 * place, without a container; each running part is a {@link io.doorman.app.Component}.
 */
package io.doorman.app;
