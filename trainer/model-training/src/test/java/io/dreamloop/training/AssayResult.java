package io.dreamloop.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A finished assay training run. Per-output lists follow {@link #outputs()}.
 *
 * @param outputs the output names
 * @param bestEpoch the epoch kept (lowest validation MSE on the standardized scale), 1-based
 * @param validationR Pearson r per output on the validation rows, best epoch
 * @param validationMse mean squared error per output, in the table's units, best epoch
 * @param baselineMse per output, the validation MSE of predicting the training mean
 * @param means the training mean per output (targets are standardized with it)
 * @param sds the training standard deviation per output (1 for a constant output)
 * @param history every epoch (validation MSE on the standardized scale, r the mean over outputs)
 * @param parameters the saved parameters of the best epoch, or null when no directory was given
 */
public record AssayResult(
        List<String> outputs,
        int bestEpoch,
        List<Double> validationR,
        List<Double> validationMse,
        List<Double> baselineMse,
        List<Double> means,
        List<Double> sds,
        List<EpochSummary> history,
        Path parameters) {

    /** Copies the lists. */
    public AssayResult {
        outputs = List.copyOf(outputs);
        validationR = List.copyOf(validationR);
        validationMse = List.copyOf(validationMse);
        baselineMse = List.copyOf(baselineMse);
        means = List.copyOf(means);
        sds = List.copyOf(sds);
        history = List.copyOf(Objects.requireNonNull(history, "history"));
    }

    /** Validation MSE of output {@code k} relative to its baseline (below 1 beats the mean). */
    public double relativeMse(final int k) {
        return validationMse.get(k) / baselineMse.get(k);
    }
}
