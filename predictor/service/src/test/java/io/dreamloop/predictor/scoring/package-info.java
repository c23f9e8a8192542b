/** Tests of artifact loading without Quarkus. */
package io.dreamloop.predictor.scoring;
