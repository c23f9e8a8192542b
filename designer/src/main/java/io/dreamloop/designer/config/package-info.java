/**
 * The designer's configuration ({@code dreamloop.designer.*}): library limits, the scoring client's
 * request size, timeout and reply partition, and the motif catalogue, read once through
 * {@code @ConfigMapping}.
 *
 * <p>Imports nothing of dreamloop, so every other designer package may read it.
 */
package io.dreamloop.designer.config;
