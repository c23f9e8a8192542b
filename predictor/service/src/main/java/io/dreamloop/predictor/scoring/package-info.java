/**
 * Scoring in the service: the loaded models by version, the champion that answers requests that
 * name no version, and the hot swap to a newly published champion. Every result names the version
 * that produced it; a request in flight keeps the model it started with.
 */
package io.dreamloop.predictor.scoring;
