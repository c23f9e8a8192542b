package io.dreamloop.predictor.model.nn;

import java.util.List;
import java.util.Objects;

/**
 * The sizes of a DREAM-RNN (SPEC §2.3). The first layers and the core's convolutions share the
 * kernel widths, filters per branch and branch dropout, as they do in the paper.
 *
 * @param kernels kernel width of each convolution branch (odd), in the first layers and the core
 * @param filtersPerBranch output channels of each branch
 * @param lstmHidden LSTM hidden units per direction
 * @param branchDropout dropout after each convolution branch
 * @param outputDropout dropout at the end of the core
 */
public record DreamRnnConfig(
        List<Integer> kernels,
        int filtersPerBranch,
        int lstmHidden,
        float branchDropout,
        float outputDropout) {

    /** Validates every size; the kernel list is copied. */
    public DreamRnnConfig {
        kernels = List.copyOf(Objects.requireNonNull(kernels, "kernels"));
        if (kernels.isEmpty()) {
            throw new IllegalArgumentException("kernels must not be empty");
        }
        kernels.forEach(k -> Checks.oddPositive("kernel", k));
        Checks.positive("filtersPerBranch", filtersPerBranch);
        Checks.positive("lstmHidden", lstmHidden);
        Checks.dropoutRate("branchDropout", branchDropout);
        Checks.dropoutRate("outputDropout", outputDropout);
    }

    /** The paper's model, 4,130,578 parameters. */
    public static DreamRnnConfig paper() {
        return new DreamRnnConfig(List.of(9, 15), 160, 320, 0.2f, 0.5f);
    }

    /**
     * The same blocks at a size a CPU trains in minutes (hidden 32 per direction, 2 × 32 filters),
     * for tests and default local runs.
     */
    public static DreamRnnConfig cpu() {
        return new DreamRnnConfig(List.of(9, 15), 32, 32, 0.2f, 0.5f);
    }
}
