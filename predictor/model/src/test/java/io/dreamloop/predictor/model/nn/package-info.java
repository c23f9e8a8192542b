/** Tests of the model blocks. */
package io.dreamloop.predictor.model.nn;
