package io.dreamloop.predictor.model.nn;

/** DREAM-RNN: BHI first layers, BHI Bi-LSTM core, Autosome final layers (SPEC §2.3). */
public final class DreamRnn {
    private DreamRnn() {}

    /**
     * @return an uninitialized model, {@code (N, 6, L) -> (N, 18)} logits
     */
    public static PrixFixeNet build(final DreamRnnConfig config) {
        return new PrixFixeNet(
                new BhiFirstBlock(
                        config.kernels(), config.filtersPerBranch(), config.branchDropout()),
                new BhiCoreBlock(
                        config.lstmHidden(),
                        config.kernels(),
                        config.filtersPerBranch(),
                        config.branchDropout(),
                        config.outputDropout()),
                new AutosomeFinalBlock());
    }
}
