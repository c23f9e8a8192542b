package io.dreamloop.predictor.model.nn;

import ai.djl.nn.Block;

/**
 * DREAM-Attn: Autosome first layers, UnlockDNA Conformer core, Autosome final layers (SPEC §2.4).
 */
public final class DreamAttn {
    private DreamAttn() {}

    /**
     * @return an uninitialized model, {@code (N, 6, config.length()) -> (N, 18)} logits
     */
    public static PrixFixeNet build(final DreamAttnConfig config) {
        return build(config, new AutosomeFinalBlock());
    }

    /**
     * The DREAM-Attn's first layers and core with another final block, e.g. a {@link
     * RegressionHead}; inputs must be {@code config.length()} long.
     *
     * @param last the final block, {@code (N, channels, L) -> (N, outputs)}
     */
    public static PrixFixeNet build(final DreamAttnConfig config, final Block last) {
        return new PrixFixeNet(
                new AutosomeFirstBlock(config.channels(), config.firstKernel()),
                new UnlockDnaCoreBlock(
                        config.channels(),
                        config.length(),
                        config.layers(),
                        config.heads(),
                        config.convKernel(),
                        config.dropout()),
                last);
    }
}
