package io.dreamloop.bench;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import io.dreamloop.predictor.model.SequenceEncoding;
import io.dreamloop.predictor.model.nn.AutosomeFinalBlock;
import io.dreamloop.training.KlDivergenceLoss;
import io.dreamloop.training.OneCycleAdamW;
import io.dreamloop.training.OneCycleSchedule;
import java.util.SplittableRandom;

/**
 * Times an initialized model the way the PyTorch reference's {@code throughput.py} times its own:
 * random one-hot inputs {@code (N, 6, 150)} made from a host array every call, a warm-up call, then
 * calls until at least {@code minSeconds}; the process's peak resident memory over them.
 *
 * <ul>
 *   <li>inference: a forward pass in evaluation mode, the logits read back;
 *   <li>training: a forward pass in training mode, the KL loss on soft targets, backward, an AdamW
 *       step, the loss read back.
 * </ul>
 */
final class ArchitectureTiming {
    private static final double MAX_LR = 1e-4;
    private static final float WEIGHT_DECAY = 0.01f;

    /** Rows per second, peak and starting resident memory in MiB. */
    record Timing(double rate, double peakMib, double beforeMib) {}

    private ArchitectureTiming() {}

    /**
     * Forward passes of {@code batch} rows in evaluation mode, inputs cast to {@code type} (the
     * model's parameter type) and logits read back as float32, as {@code ModelScorer} does.
     */
    static Timing inference(
            final Model model,
            final int batch,
            final double minSeconds,
            final long seed,
            final DataType type)
            throws TranslateException {
        final float[] x = ArchitectureTiming.randomOneHot(batch, new SplittableRandom(seed));
        final NDManager manager = model.getNDManager();
        try (Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
            final double before = ResidentMemory.resetPeak();
            final Step forward = () -> forward(predictor, manager, x, batch, type);
            forward.run();
            return new Timing(rate(forward, batch, minSeconds), ResidentMemory.peak(), before);
        }
    }

    /** Training steps of {@code batch} rows with random soft targets. */
    static Timing training(
            final Model model, final int batch, final double minSeconds, final long seed)
            throws TranslateException {
        final SplittableRandom random = new SplittableRandom(seed);
        final float[] x = ArchitectureTiming.randomOneHot(batch, random);
        final float[] y = randomTargets(batch, random);
        final OneCycleAdamW optimizer =
                new OneCycleAdamW(OneCycleSchedule.dream(MAX_LR, Integer.MAX_VALUE), WEIGHT_DECAY);
        final DefaultTrainingConfig config =
                new DefaultTrainingConfig(new KlDivergenceLoss())
                        .optOptimizer(optimizer)
                        .optDevices(new ai.djl.Device[] {model.getNDManager().getDevice()});
        try (Trainer trainer = model.newTrainer(config)) {
            final double before = ResidentMemory.resetPeak();
            final Step step = () -> step(trainer, x, y, batch);
            step.run();
            return new Timing(rate(step, batch, minSeconds), ResidentMemory.peak(), before);
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws TranslateException;
    }

    private static double rate(final Step step, final int rows, final double minSeconds)
            throws TranslateException {
        long done = 0;
        final long start = System.nanoTime();
        long elapsed;
        do {
            step.run();
            done += rows;
            elapsed = System.nanoTime() - start;
        } while (elapsed < minSeconds * 1e9);
        return done / (elapsed / 1e9);
    }

    private static void forward(
            final Predictor<NDList, NDList> predictor,
            final NDManager manager,
            final float[] x,
            final int batch,
            final DataType type)
            throws TranslateException {
        try (NDManager scope = manager.newSubManager()) {
            final NDArray input = scope.create(x, inputShape(batch)).toType(type, false);
            final NDArray logits = predictor.predict(new NDList(input)).singletonOrThrow();
            logits.attach(scope);
            logits.toType(DataType.FLOAT32, false).toFloatArray();
        }
    }

    private static void step(
            final Trainer trainer, final float[] x, final float[] y, final int batch) {
        try (NDManager scope = trainer.getManager().newSubManager()) {
            final NDArray input = scope.create(x, inputShape(batch));
            final NDArray labels = scope.create(y, new Shape(batch, AutosomeFinalBlock.BINS));
            try (GradientCollector collector = trainer.newGradientCollector()) {
                final NDList output = trainer.forward(new NDList(input));
                final NDArray loss = trainer.getLoss().evaluate(new NDList(labels), output);
                collector.backward(loss);
                loss.getFloat();
            }
            trainer.step();
        }
    }

    private static Shape inputShape(final int batch) {
        return new Shape(batch, SequenceEncoding.CHANNELS, SequenceEncoding.LENGTH);
    }

    /** {@code (batch, 6, 150)} inputs with one random base per position, both flags 0. */
    static float[] randomOneHot(final int batch, final SplittableRandom random) {
        final int length = SequenceEncoding.LENGTH;
        final float[] x = new float[batch * SequenceEncoding.CHANNELS * length];
        for (int n = 0; n < batch; n++) {
            for (int position = 0; position < length; position++) {
                final int base = random.nextInt(4);
                x[(n * SequenceEncoding.CHANNELS + base) * length + position] = 1f;
            }
        }
        return x;
    }

    /** {@code (batch, 18)} soft targets: a random distribution over the bins per row. */
    private static float[] randomTargets(final int batch, final SplittableRandom random) {
        final float[] y = new float[batch * AutosomeFinalBlock.BINS];
        for (int row = 0; row < batch; row++) {
            double sum = 0;
            for (int bin = 0; bin < AutosomeFinalBlock.BINS; bin++) {
                final double w = Math.exp(random.nextGaussian());
                y[row * AutosomeFinalBlock.BINS + bin] = (float) w;
                sum += w;
            }
            for (int bin = 0; bin < AutosomeFinalBlock.BINS; bin++) {
                y[row * AutosomeFinalBlock.BINS + bin] /= (float) sum;
            }
        }
        return y;
    }
}
