package io.dreamloop.predictor.model.nn;

import ai.djl.nn.Block;

/**
 * Builds the DREAM-CNN (SPEC §2.2): {@link BhiFirstBlock} + {@link AutosomeCoreBlock} + {@link
 * AutosomeFinalBlock} in a {@link PrixFixeNet}.
 */
public final class DreamCnn {
    private DreamCnn() {}

    /** An uninitialized DREAM-CNN; initialize it with input {@code (N, 6, 150)}. */
    public static PrixFixeNet build(final DreamCnnConfig config) {
        return build(config, new AutosomeFinalBlock());
    }

    /**
     * The DREAM-CNN's first layers and core with another final block, e.g. a {@link RegressionHead}
     * for assays other than the DREAM sort-seq.
     *
     * @param last the final block, {@code (N, last core width, L) -> (N, outputs)}
     */
    public static PrixFixeNet build(final DreamCnnConfig config, final Block last) {
        final BhiFirstBlock first =
                new BhiFirstBlock(config.firstKernels(), config.firstFilters(), config.dropout());
        final AutosomeCoreBlock core =
                new AutosomeCoreBlock(
                        config.firstChannels(),
                        config.coreWidths(),
                        config.coreKernel(),
                        config.expansion(),
                        config.seReduction());
        return new PrixFixeNet(first, core, last);
    }
}
