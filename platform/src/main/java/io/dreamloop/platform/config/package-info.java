/**
 * Typed configuration of the platform ({@code dreamloop.platform.*}): the service's name and the
 * retry, back-off and send-timeout settings of its messaging, read once through
 * {@code @ConfigMapping}.
 *
 * <p>Imports nothing of dreamloop: every other platform package may read it.
 */
package io.dreamloop.platform.config;
