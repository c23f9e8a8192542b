/** Tests of the model store. */
package io.dreamloop.predictor.model.artifact;
