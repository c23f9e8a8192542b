/**
 * The predictor's configuration ({@code dreamloop.predictor.*}): the artifact store, and the
 * scoring device, precision, batch size and request limit, read once through
 * {@code @ConfigMapping}.
 *
 * <p>Imports nothing of dreamloop, so every other predictor package may read it.
 */
package io.dreamloop.predictor.config;
