/** Micrometer helpers shared by the services' own metrics. */
package io.dreamloop.platform.metrics;
