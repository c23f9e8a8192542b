/** Scoring tests against the reference fixture. */
package io.dreamloop.predictor.model.scoring;
