/** Tests of the Micrometer helpers. */
package io.dreamloop.platform.metrics;
