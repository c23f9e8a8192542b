package io.dreamloop.predictor.model.nn;

/**
 * DREAM-Attn: Autosome first layers, UnlockDNA Conformer core, Autosome final layers (SPEC §2.4).
 */
public final class DreamAttn {
    private DreamAttn() {}

    /**
     * @return an uninitialized model, {@code (N, 6, config.length()) -> (N, 18)} logits
     */
    public static PrixFixeNet build(final DreamAttnConfig config) {
        return new PrixFixeNet(
                new AutosomeFirstBlock(config.channels(), config.firstKernel()),
                new UnlockDnaCoreBlock(
                        config.channels(),
                        config.length(),
                        config.layers(),
                        config.heads(),
                        config.convKernel(),
                        config.dropout()),
                new AutosomeFinalBlock());
    }
}
