/**
 * The domain errors every service shares: what a request got wrong in the service's terms (an
 * unknown resource, a conflict with what is held). Services throw these; only {@code platform.rest}
 * turns them into HTTP answers. Imports nothing of HTTP or of the other platform packages.
 */
package io.dreamloop.platform.error;
