package io.dreamloop.predictor.model;

import io.dreamloop.contracts.vocabulary.WireNames;

/** The three DREAM-optimised Prix Fixe architectures (SPEC §2). */
public enum Architecture {
    /** BHI first layers + Autosome EfficientNet-style core + Autosome final (1,933,970 params). */
    DREAM_CNN,
    /** BHI first layers + BHI Bi-LSTM core + Autosome final (4,130,578 params). */
    DREAM_RNN,
    /** Autosome first layers + UnlockDNA Conformer core + Autosome final (4,539,410 params). */
    DREAM_ATTN;

    /** The wire name, e.g. {@code dream-cnn}, as used in model-published events. */
    public String wireName() {
        return WireNames.of(this);
    }

    /**
     * @throws IllegalArgumentException naming the known architectures
     */
    public static Architecture fromWireName(final String name) {
        return WireNames.parse(Architecture.class, name, "architecture");
    }
}
