package io.dreamloop.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.SequenceEncoding;
import io.dreamloop.predictor.model.SequenceEncoding.UnknownBase;
import io.dreamloop.predictor.model.artifact.DjlModels;
import io.dreamloop.predictor.model.nn.PrixFixeNet;
import io.dreamloop.predictor.model.nn.RegressionHead;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Trains the Prix Fixe blocks on another assay (the paper's Drosophila STARR-seq and human MPRA
 * benchmarks): sequences of any fixed length, no padding and no singleton channel (inputs {@code
 * (N, 5, L)}: one-hot A, G, C, T and is_reverse), a {@link RegressionHead} with one output per
 * measured activity, all outputs at once, and a mean-squared-error loss.
 *
 * <p>Targets are standardized with the training table's mean and standard deviation per output, so
 * outputs on different scales weigh the same in the loss; reported MSEs are in the table's units.
 * Otherwise the run is the DREAM one: AdamW on the one-cycle schedule with the job's batch size and
 * learning rate, reverse-complement augmentation (when the job asks for it), the epoch with the
 * lowest validation loss kept, seeded, cancellable before every batch.
 */
public final class AssayTrainer {
    /** The parameter file prefix of a saved model: {@code assay-0000.params}. */
    public static final String PREFIX = "assay";

    /** The description written next to the parameters. */
    public static final String DESCRIPTION = "assay-model.json";

    private final Device device;

    /** A trainer on the CPU. */
    public AssayTrainer() {
        this(Device.cpu());
    }

    /**
     * @param device where to train
     */
    public AssayTrainer(final Device device) {
        this.device = Objects.requireNonNull(device, "device");
    }

    /**
     * Trains and keeps the epoch with the lowest validation MSE.
     *
     * @param outputDirectory where to save the best parameters ({@value #PREFIX}{@code
     *     -0000.params}) and their description ({@value #DESCRIPTION}: architecture, configuration,
     *     outputs, length, standardization); null to save nothing
     * @throws TrainingCancelledException when cancelled; nothing is saved then
     * @throws IllegalArgumentException when the tables disagree (outputs, length), are too small,
     *     or a DREAM-Attn configuration's length is not the tables' length
     */
    public AssayResult train(
            final AssayJob job,
            final AssayTable train,
            final AssayTable validation,
            final Consumer<TrainingProgress> listener,
            final BooleanSupplier cancelled,
            final Path outputDirectory)
            throws TrainingCancelledException {
        check(job, train, validation);
        final int outputs = train.outputs().size();
        final double[] means = new double[outputs];
        final double[] sds = new double[outputs];
        for (int k = 0; k < outputs; k++) {
            final double[] column = train.column(k);
            means[k] = mean(column);
            final double sd = Math.sqrt(Statistics.mse(column, constant(column.length, means[k])));
            sds[k] = sd > 0 ? sd : 1;
        }
        try (Model model = Model.newInstance("assay", device, "PyTorch")) {
            final PrixFixeNet net =
                    DjlModels.build(
                            job.architecture(), job.configuration(), new RegressionHead(outputs));
            model.setBlock(net);
            model.getNDManager().getEngine().setRandomSeed(job.recipe().engineSeed());
            net.initialize(
                    model.getNDManager(),
                    DataType.FLOAT32,
                    new Shape(1, SequenceEncoding.UNPADDED_CHANNELS, train.length()));
            final TrainingLoop.Outcome outcome =
                    TrainingLoop.run(
                            model,
                            new AssayTask(train, validation, job.reverseComplement(), means, sds),
                            job.recipe(),
                            listener,
                            cancelled);
            TrainingLoop.restore(net, model.getNDManager(), outcome.bestParameters());
            final List<Double> baseline = new ArrayList<>();
            for (int k = 0; k < outputs; k++) {
                final double[] column = validation.column(k);
                baseline.add(Statistics.mse(constant(column.length, means[k]), column));
            }
            final Path parameters =
                    outputDirectory == null
                            ? null
                            : save(model, outputDirectory, job, train, outcome, means, sds);
            return new AssayResult(
                    train.outputs(),
                    outcome.bestEpoch(),
                    boxed(outcome.best().perOutputR()),
                    boxed(outcome.best().perOutputMse()),
                    baseline,
                    boxed(means),
                    boxed(sds),
                    outcome.history(),
                    parameters);
        }
    }

    private static void check(
            final AssayJob job, final AssayTable train, final AssayTable validation) {
        Objects.requireNonNull(job, "job");
        if (!train.outputs().equals(validation.outputs())
                || train.length() != validation.length()) {
            throw new IllegalArgumentException(
                    "training (%s, %d bp) and validation (%s, %d bp) tables disagree"
                            .formatted(
                                    train.outputs(),
                                    train.length(),
                                    validation.outputs(),
                                    validation.length()));
        }
        if (validation.size() < 2) {
            throw new IllegalArgumentException(
                    "need at least 2 validation rows, but got " + validation.size());
        }
        final Object length = job.configuration().get("length");
        if (job.architecture() == Architecture.DREAM_ATTN
                && !Objects.equals(((Number) length).intValue(), train.length())) {
            throw new IllegalArgumentException(
                    "DREAM-Attn configuration is for length %s, but the table's sequences have %d"
                            .formatted(length, train.length()));
        }
    }

    private static Path save(
            final Model model,
            final Path directory,
            final AssayJob job,
            final AssayTable train,
            final TrainingLoop.Outcome outcome,
            final double[] means,
            final double[] sds) {
        try {
            Files.createDirectories(directory);
            model.save(directory, PREFIX);
            final Map<String, Object> description = new LinkedHashMap<>();
            description.put("architecture", job.architecture().wireName());
            description.put("configuration", job.configuration());
            description.put("outputs", train.outputs());
            description.put("length", train.length());
            description.put("channels", SequenceEncoding.UNPADDED_CHANNELS);
            description.put("reverseComplement", job.reverseComplement());
            description.put("means", means);
            description.put("sds", sds);
            description.put("bestEpoch", outcome.bestEpoch());
            description.put("skippedSteps", outcome.skippedSteps());
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(directory.resolve(DESCRIPTION).toFile(), description);
            return directory.resolve(PREFIX + "-0000.params");
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot save the assay model to " + directory, e);
        }
    }

    private static double mean(final double[] values) {
        double sum = 0;
        for (final double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double[] constant(final int n, final double value) {
        final double[] out = new double[n];
        Arrays.fill(out, value);
        return out;
    }

    private static List<Double> boxed(final double[] values) {
        final List<Double> out = new ArrayList<>(values.length);
        for (final double v : values) {
            out.add(v);
        }
        return out;
    }

    /** An assay table as the training loop sees it. */
    private static final class AssayTask implements TrainingLoop.Task {
        private final AssayTable train;
        private final AssayTable validation;
        private final int strands;
        private final double[] means;
        private final double[] sds;

        AssayTask(
                final AssayTable train,
                final AssayTable validation,
                final boolean reverseComplement,
                final double[] means,
                final double[] sds) {
            this.train = train;
            this.validation = validation;
            this.strands = reverseComplement ? 2 : 1;
            this.means = means;
            this.sds = sds;
        }

        @Override
        public int channels() {
            return SequenceEncoding.UNPADDED_CHANNELS;
        }

        @Override
        public int length() {
            return train.length();
        }

        @Override
        public int labelWidth() {
            return means.length;
        }

        @Override
        public int examples() {
            return strands * train.size();
        }

        @Override
        public void encode(
                final int example,
                final float[] x,
                final int xOffset,
                final float[] y,
                final int yOffset) {
            final int row = example / strands;
            SequenceEncoding.encodeUnpaddedInto(
                    train.sequence(row), example % strands == 1, UnknownBase.ZEROS, x, xOffset);
            for (int k = 0; k < means.length; k++) {
                y[yOffset + k] = (float) ((train.value(row, k) - means[k]) / sds[k]);
            }
        }

        @Override
        public Loss loss() {
            return Loss.l2Loss("MSELoss", 1f);
        }

        @Override
        public TrainingLoop.Validation validate(
                final UnaryOperator<NDList> forward, final NDManager manager, final int batchSize) {
            final int n = validation.size();
            final int outputs = means.length;
            final int inputSize = SequenceEncoding.UNPADDED_CHANNELS * validation.length();
            final double[][] predicted = new double[outputs][n];
            for (int from = 0; from < n; from += batchSize) {
                final int size = Math.min(n, from + batchSize) - from;
                for (int strand = 0; strand < strands; strand++) {
                    final float[] x = new float[size * inputSize];
                    for (int i = 0; i < size; i++) {
                        SequenceEncoding.encodeUnpaddedInto(
                                validation.sequence(from + i),
                                strand == 1,
                                UnknownBase.UNIFORM,
                                x,
                                i * inputSize);
                    }
                    try (NDManager scope = manager.newSubManager()) {
                        final NDArray input =
                                scope.create(
                                        x,
                                        new Shape(
                                                size,
                                                SequenceEncoding.UNPADDED_CHANNELS,
                                                validation.length()));
                        final float[] out =
                                forward.apply(new NDList(input)).singletonOrThrow().toFloatArray();
                        for (int i = 0; i < size; i++) {
                            for (int k = 0; k < outputs; k++) {
                                predicted[k][from + i] +=
                                        (out[i * outputs + k] * sds[k] + means[k]) / strands;
                            }
                        }
                    }
                }
            }
            final double[] r = new double[outputs];
            final double[] mse = new double[outputs];
            double meanR = 0;
            double standardizedMse = 0;
            for (int k = 0; k < outputs; k++) {
                final double[] measured = validation.column(k);
                r[k] = Statistics.pearson(predicted[k], measured);
                mse[k] = Statistics.mse(predicted[k], measured);
                meanR += r[k] / outputs;
                standardizedMse += mse[k] / (sds[k] * sds[k]) / outputs;
            }
            return new TrainingLoop.Validation(meanR, standardizedMse, r, mse);
        }

        @Override
        public double selectionScore(final TrainingLoop.Validation v) {
            return -v.mse();
        }
    }
}
