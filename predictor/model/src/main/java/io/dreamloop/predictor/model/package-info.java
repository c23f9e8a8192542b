/**
 * The DREAM model library shared by predictor and trainer. {@link
 * io.dreamloop.predictor.model.SequenceEncoding} is the one owner of the Prix Fixe input encoding:
 * nothing else in dreamloop turns sequences into model input.
 */
package io.dreamloop.predictor.model;
