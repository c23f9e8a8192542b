package io.dreamloop.predictor.model.nn;

/**
 * Builds the DREAM-CNN (SPEC §2.2): {@link BhiFirstBlock} + {@link AutosomeCoreBlock} + {@link
 * AutosomeFinalBlock} in a {@link PrixFixeNet}.
 */
public final class DreamCnn {
    private DreamCnn() {}

    /** An uninitialized DREAM-CNN; initialize it with input {@code (N, 6, 150)}. */
    public static PrixFixeNet build(final DreamCnnConfig config) {
        final BhiFirstBlock first =
                new BhiFirstBlock(config.firstKernels(), config.firstFilters(), config.dropout());
        final AutosomeCoreBlock core =
                new AutosomeCoreBlock(
                        config.firstChannels(),
                        config.coreWidths(),
                        config.coreKernel(),
                        config.expansion(),
                        config.seReduction());
        return new PrixFixeNet(first, core, new AutosomeFinalBlock());
    }
}
