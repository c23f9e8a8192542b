/**
 * Micrometer helpers shared by the services' own metrics ({@link
 * io.dreamloop.platform.metrics.Gauges}: gauges registered once per name, so a restarted bean does
 * not leave a stale gauge behind).
 *
 * <p>Imports nothing of dreamloop; the per-event counters live with the messaging that counts them
 * ({@code platform.messaging.EventMetrics}).
 */
package io.dreamloop.platform.metrics;
