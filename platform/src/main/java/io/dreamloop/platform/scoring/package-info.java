/**
 * A client of the predictor over Kafka: score-requested out, scores-computed back, matched by
 * correlation id. Used by the designer to score whole GA generations, by the main job and by the
 * benchmarks.
 */
package io.dreamloop.platform.scoring;
