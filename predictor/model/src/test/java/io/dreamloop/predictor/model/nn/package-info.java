/**
 * Tests of the model blocks, and the test fixtures other modules' tests share through this module's
 * test-jar: {@code TorchScriptWeights} (with its reader {@code TorchPickle}) copies a traced
 * DREAM-CNN's weights into ours, so tests can compare our blocks with PyTorch's output.
 */
package io.dreamloop.predictor.model.nn;
