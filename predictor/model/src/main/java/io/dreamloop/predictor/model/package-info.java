/**
 * The DREAM model library shared by predictor and trainer. {@link
 * io.dreamloop.predictor.model.SequenceEncoding} is the one owner of the Prix Fixe input encoding:
 * nothing else in dreamloop turns sequences into model input. {@link
 * io.dreamloop.predictor.model.Architecture} and {@link io.dreamloop.predictor.model.ModelSize} are
 * the vocabularies that name a model's blocks and widths.
 *
 * <p>This module owns model definitions, encoding, artifacts and scoring. Training lives in {@code
 * dreamloop-model-training} ({@code io.dreamloop.training}), which depends on this module; nothing
 * here may import it.
 */
package io.dreamloop.predictor.model;
