package io.dreamloop.predictor.model.nn;

/**
 * The sizes of a DREAM-Attn (SPEC §2.4).
 *
 * @param channels width of the first layers and of the Conformer stream
 * @param length the sequence length, fixed by the learned position embedding
 * @param layers Conformer layers
 * @param heads attention heads; must divide channels
 * @param firstKernel convolution width of the first layers (odd)
 * @param convKernel depthwise convolution width in each Conformer layer (odd)
 * @param dropout dropout of the feed-forward and convolution modules
 */
public record DreamAttnConfig(
        int channels,
        int length,
        int layers,
        int heads,
        int firstKernel,
        int convKernel,
        float dropout) {

    /** Validates every size. */
    public DreamAttnConfig {
        Checks.positive("channels", channels);
        Checks.positive("length", length);
        Checks.positive("layers", layers);
        Checks.positive("heads", heads);
        if (channels % heads != 0) {
            throw new IllegalArgumentException(
                    "heads must divide channels, but %d does not divide %d"
                            .formatted(heads, channels));
        }
        Checks.oddPositive("firstKernel", firstKernel);
        Checks.oddPositive("convKernel", convKernel);
        Checks.dropoutRate("dropout", dropout);
    }

    /**
     * The paper's model, 4,539,410 parameters. Four heads: the reference hard-codes them and
     * ignores the eight the notebook passes.
     */
    public static DreamAttnConfig paper() {
        return new DreamAttnConfig(256, 150, 4, 4, 7, 15, 0.1f);
    }

    /** The same blocks at a size a CPU trains in minutes (64 channels, 2 layers, 4 heads). */
    public static DreamAttnConfig cpu() {
        return new DreamAttnConfig(64, 150, 2, 4, 7, 15, 0.1f);
    }
}
