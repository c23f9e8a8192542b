/** Tests of the model library. */
package io.dreamloop.predictor.model;
