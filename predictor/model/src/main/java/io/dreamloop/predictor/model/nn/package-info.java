/**
 * The Prix Fixe decomposition of the DREAM models as DJL blocks: a model is {@link
 * io.dreamloop.predictor.model.nn.PrixFixeNet} of a first-layers block, a core block and a final
 * block. Inputs are {@code float32 (N, 6, 150)} (see {@code SequenceEncoding}); every model outputs
 * logits {@code (N, 18)} over the sorting bins.
 *
 * <p>The three DREAM-optimised models are built by {@link
 * io.dreamloop.predictor.model.nn.DreamCnn}, {@link io.dreamloop.predictor.model.nn.DreamRnn} and
 * {@link io.dreamloop.predictor.model.nn.DreamAttn} from their config records ({@code paper()}
 * gives the reference sizes, 1,933,970 / 4,130,578 / 4,539,410 parameters; {@code cpu()} small
 * variants of the same blocks for CPU runs and tests). {@link
 * io.dreamloop.predictor.model.nn.BiLstm} builds the bidirectional LSTM from two forward LSTMs,
 * because DJL's bidirectional LSTM orders its biased parameters differently from what the PyTorch
 * engine expects. Copying the weights of a DREAM-CNN traced in PyTorch into ours is test code
 * ({@code TorchScriptWeights} in this module's test-jar): it proves the blocks match PyTorch.
 *
 * <p>Blocks are engine-neutral (DJL API only). This package must not import training code (it lives
 * in {@code dreamloop-model-training}, which depends on this module). Parameter counts exclude
 * BatchNorm running statistics, which PyTorch keeps as buffers rather than parameters ({@link
 * io.dreamloop.predictor.model.nn.Parameters#countTrainable}).
 */
package io.dreamloop.predictor.model.nn;
