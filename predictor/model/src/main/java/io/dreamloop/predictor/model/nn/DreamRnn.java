package io.dreamloop.predictor.model.nn;

import ai.djl.nn.Block;

/** DREAM-RNN: BHI first layers, BHI Bi-LSTM core, Autosome final layers (SPEC §2.3). */
public final class DreamRnn {
    private DreamRnn() {}

    /**
     * @return an uninitialized model, {@code (N, 6, L) -> (N, 18)} logits
     */
    public static PrixFixeNet build(final DreamRnnConfig config) {
        return build(config, new AutosomeFinalBlock());
    }

    /**
     * The DREAM-RNN's first layers and core with another final block, e.g. a {@link
     * RegressionHead}.
     *
     * @param last the final block, {@code (N, 2 * filtersPerBranch, L) -> (N, outputs)}
     */
    public static PrixFixeNet build(final DreamRnnConfig config, final Block last) {
        return new PrixFixeNet(
                new BhiFirstBlock(
                        config.kernels(), config.filtersPerBranch(), config.branchDropout()),
                new BhiCoreBlock(
                        config.lstmHidden(),
                        config.kernels(),
                        config.filtersPerBranch(),
                        config.branchDropout(),
                        config.outputDropout()),
                last);
    }
}
