/**
 * The predictor's tables: the registry of the model versions it has been told about (from
 * model-published) and which one is the champion it serves.
 *
 * <p>Imports contracts, {@code platform.persistence}/{@code platform.messaging} and the predictor's
 * configuration; never the scoring, messaging or REST layers.
 */
package io.dreamloop.predictor.persistence;
