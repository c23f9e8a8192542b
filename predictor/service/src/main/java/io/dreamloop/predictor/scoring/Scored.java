package io.dreamloop.predictor.scoring;

import io.dreamloop.predictor.model.scoring.StrandPredictions;

/**
 * Predictions and the model version that made every one of them.
 *
 * @param modelVersion the version
 * @param predictions per-strand and mean predictions, in request order
 */
public record Scored(String modelVersion, StrandPredictions predictions) {}
