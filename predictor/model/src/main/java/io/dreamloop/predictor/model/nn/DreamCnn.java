package io.dreamloop.predictor.model.nn;

import ai.djl.nn.Parameter;
import ai.djl.training.initializer.NormalInitializer;

/**
 * Builds the DREAM-CNN (SPEC §2.2): {@link BhiFirstBlock} + {@link AutosomeCoreBlock} + {@link
 * AutosomeFinalBlock} in a {@link PrixFixeNet}.
 */
public final class DreamCnn {
    private DreamCnn() {}

    /**
     * An uninitialized DREAM-CNN; initialize it with input {@code (N, 6, 150)}.
     *
     * <p>The final block gets Autosome's convolution initialization, {@code N(0, sqrt(2 / 18))},
     * because in Prix Fixe the Autosome final block initializes itself as the core does.
     */
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
        final AutosomeFinalBlock last = new AutosomeFinalBlock();
        last.setInitializer(
                new NormalInitializer((float) Math.sqrt(2.0 / AutosomeFinalBlock.BINS)),
                Parameter.Type.WEIGHT);
        return new PrixFixeNet(first, core, last);
    }
}
