/**
 * The Prix Fixe decomposition of the DREAM models as DJL blocks: a model is {@link
 * io.dreamloop.predictor.model.nn.PrixFixeNet} of a first-layers block, a core block and a final
 * block. Inputs are {@code float32 (N, 6, 150)} (see {@code SequenceEncoding}); every model outputs
 * logits {@code (N, 18)} over the sorting bins.
 *
 * <p>Blocks are engine-neutral (DJL API only). Parameter counts exclude BatchNorm running
 * statistics, which PyTorch keeps as buffers rather than parameters ({@link
 * io.dreamloop.predictor.model.nn.Parameters#countTrainable}).
 */
package io.dreamloop.predictor.model.nn;
