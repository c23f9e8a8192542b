package io.dreamloop.predictor.model.nn;

import java.util.List;
import java.util.Objects;

/**
 * The sizes of a DREAM-CNN (SPEC §2.2): BHI first layers, Autosome EfficientNet-style core,
 * Autosome final layers. The compact constructor rejects any combination the blocks cannot build,
 * so a config that exists always yields a model.
 *
 * @param firstKernels kernel of each BHI branch (odd)
 * @param firstFilters output channels of each BHI branch
 * @param dropout dropout after each BHI branch, in [0, 1)
 * @param coreWidths output width of each core block
 * @param coreKernel kernel of the core's grouped and resize convolutions (odd)
 * @param expansion inverted-residual expansion; {@code expansion * width} must be even
 * @param seReduction SE bottleneck = block input width / seReduction, which must be at least 1
 */
public record DreamCnnConfig(
        List<Integer> firstKernels,
        int firstFilters,
        float dropout,
        List<Integer> coreWidths,
        int coreKernel,
        int expansion,
        int seReduction) {

    /** Validates and copies the lists. */
    public DreamCnnConfig {
        firstKernels = List.copyOf(Objects.requireNonNull(firstKernels, "firstKernels"));
        coreWidths = List.copyOf(Objects.requireNonNull(coreWidths, "coreWidths"));
        if (firstKernels.isEmpty() || firstKernels.stream().anyMatch(k -> k < 1 || k % 2 == 0)) {
            throw new IllegalArgumentException(
                    "firstKernels must be odd and positive, but were " + firstKernels);
        }
        requirePositive("firstFilters", firstFilters);
        if (!(dropout >= 0f && dropout < 1f)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), but was " + dropout);
        }
        if (coreWidths.isEmpty() || coreWidths.stream().anyMatch(w -> w < 1)) {
            throw new IllegalArgumentException(
                    "coreWidths must be non-empty and positive, but were " + coreWidths);
        }
        if (coreKernel < 1 || coreKernel % 2 == 0) {
            throw new IllegalArgumentException(
                    "coreKernel must be odd and positive, but was " + coreKernel);
        }
        requirePositive("expansion", expansion);
        requirePositive("seReduction", seReduction);
        checkBlocks(firstFilters * firstKernels.size(), coreWidths, expansion, seReduction);
    }

    /** The paper's DREAM-CNN: 1,933,970 parameters. */
    public static DreamCnnConfig paper() {
        return new DreamCnnConfig(
                List.of(9, 15), 160, 0.2f, List.of(128, 128, 64, 64, 64, 64), 7, 4, 4);
    }

    /**
     * The same blocks at a small size (BHI 2 x 32 filters, core 32, 32, 16, 16), for tests and CPU
     * runs on a couple of cores.
     */
    public static DreamCnnConfig cpu() {
        return new DreamCnnConfig(List.of(9, 15), 32, 0.2f, List.of(32, 32, 16, 16), 7, 4, 4);
    }

    /** Width of the BHI output, which is the core's input. */
    public int firstChannels() {
        return firstFilters * firstKernels.size();
    }

    private static void requirePositive(final String name, final int value) {
        if (value < 1) {
            throw new IllegalArgumentException(
                    "%s must be positive, but was %d".formatted(name, value));
        }
    }

    private static void checkBlocks(
            final int coreInput,
            final List<Integer> widths,
            final int expansion,
            final int seReduction) {
        int previous = coreInput;
        for (int i = 0; i < widths.size(); i++) {
            if (expansion * widths.get(i) % 2 != 0) {
                throw new IllegalArgumentException(
                        "core block %d: expansion %d * width %d must be even (two channels per group)"
                                .formatted(i, expansion, widths.get(i)));
            }
            if (previous < seReduction) {
                throw new IllegalArgumentException(
                        "core block %d: input width %d is below seReduction %d, so the SE layer would be empty"
                                .formatted(i, previous, seReduction));
            }
            previous = widths.get(i);
        }
    }
}
