package io.dreamloop.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.loss.Loss;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The loop's bookkeeping on a toy regression, with scripted validation scores. */
class TrainingLoopTest {

    /** y = sum of 4 inputs; validation returns the scripted r of each epoch. */
    private static final class Scripted implements TrainingLoop.Task {
        private final double[] scores;
        private final Model model;
        private final List<byte[]> snapshots = new ArrayList<>();
        private final float[] x = new float[64 * 4];
        private int validations;
        private java.util.function.IntPredicate poisoned = e -> false;

        Scripted(final Model model, final double... scores) {
            this.model = model;
            this.scores = scores;
            final SplittableRandom random = new SplittableRandom(1);
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) random.nextGaussian();
            }
        }

        @Override
        public int channels() {
            return 4;
        }

        @Override
        public int length() {
            return 1;
        }

        @Override
        public int labelWidth() {
            return 1;
        }

        @Override
        public int examples() {
            return 64;
        }

        @Override
        public void encode(
                final int e, final float[] in, final int xo, final float[] y, final int yo) {
            System.arraycopy(x, e * 4, in, xo, 4);
            y[yo] = x[e * 4] + x[e * 4 + 1] + x[e * 4 + 2] + x[e * 4 + 3];
            if (poisoned.test(e)) {
                // A non-finite input gives the batch a NaN loss and NaN gradients.
                in[xo] = Float.NaN;
            }
        }

        @Override
        public Loss loss() {
            return Loss.l2Loss("MSELoss", 1f);
        }

        @Override
        public TrainingLoop.Validation validate(
                final UnaryOperator<NDList> forward, final NDManager manager, final int batch) {
            snapshots.add(TrainingLoop.snapshot(model.getBlock()));
            final double r = scores[validations++];
            return TrainingLoop.Validation.single(r, 1.0);
        }

        @Override
        public double selectionScore(final TrainingLoop.Validation v) {
            return v.r();
        }
    }

    private static Model toyModel() {
        final Model model = Model.newInstance("toy", Device.cpu(), "PyTorch");
        final Linear linear = Linear.builder().setUnits(1).build();
        linear.setInitializer(new NormalInitializer(0.1f), ai.djl.nn.Parameter.Type.WEIGHT);
        final SequentialBlock block =
                new SequentialBlock().add(Blocks.batchFlattenBlock()).add(linear);
        model.setBlock(block);
        model.getNDManager().getEngine().setRandomSeed(5);
        block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 4, 1));
        return model;
    }

    private static final Recipe RECIPE = new Recipe(0.05, 0.01, 16, 4, 64, 9);

    @Test
    void keepsTheEpochWithTheBestValidationNotTheLast() throws TrainingCancelledException {
        try (Model model = toyModel()) {
            // Initial validation, then epochs 1..4: epoch 2 is the best, a NaN never wins.
            final Scripted task = new Scripted(model, 0.0, 0.5, 0.9, Double.NaN, 0.3);
            final List<TrainingProgress> progress = new ArrayList<>();
            final TrainingLoop.Outcome outcome =
                    TrainingLoop.run(model, task, RECIPE, progress::add, () -> false);
            assertThat(outcome.bestEpoch()).isEqualTo(2);
            assertThat(outcome.best().r()).isEqualTo(0.9);
            assertThat(outcome.initial().r()).isEqualTo(0.0);
            assertThat(outcome.bestParameters()).isEqualTo(task.snapshots.get(2));
            assertThat(outcome.bestParameters()).isNotEqualTo(task.snapshots.get(4));
            assertThat(outcome.history())
                    .extracting(EpochSummary::epoch)
                    .containsExactly(1, 2, 3, 4);
            // 1 initial report, 4 batches per epoch, 1 report per epoch.
            assertThat(progress).hasSize(1 + 4 * 4 + 4);
            assertThat(progress).filteredOn(TrainingProgress::validated).hasSize(5);
            assertThat(progress.get(progress.size() - 1).step()).isEqualTo(16);
            assertThat(progress.get(progress.size() - 1).fractionDone()).isEqualTo(1.0);
            // The toy regression learns: the loss falls.
            assertThat(outcome.history().get(3).trainingLoss())
                    .isLessThan(outcome.history().get(0).trainingLoss());
            // Restoring the snapshot puts epoch 2's weights back.
            TrainingLoop.restore(model.getBlock(), model.getNDManager(), outcome.bestParameters());
            assertThat(TrainingLoop.snapshot(model.getBlock())).isEqualTo(task.snapshots.get(2));
        }
    }

    @Test
    void aStepWithANonFiniteGradientIsSkippedAndTheWeightsStayFinite()
            throws TrainingCancelledException {
        try (Model model = toyModel()) {
            final Scripted task = new Scripted(model, 0.0, 0.1, 0.2, 0.3, 0.4);
            // One example in 64: one of the 4 batches of each epoch is skipped.
            task.poisoned = e -> e == 0;
            final List<TrainingProgress> progress = new ArrayList<>();
            final TrainingLoop.Outcome outcome =
                    TrainingLoop.run(model, task, RECIPE, progress::add, () -> false);
            assertThat(outcome.skippedSteps()).isEqualTo(4);
            // Batch reports only for the 12 applied steps.
            assertThat(progress).hasSize(1 + 12 + 4);
            assertThat(progress).allSatisfy(p -> assertThat(p.loss()).isNotInfinite());
            for (final var parameter : model.getBlock().getParameters().values()) {
                for (final float v : parameter.getArray().toFloatArray()) {
                    assertThat(v).as(parameter.getName()).isFinite();
                }
            }
            assertThat(outcome.history())
                    .extracting(EpochSummary::trainingLoss)
                    .allSatisfy(loss -> assertThat(loss).isFinite());
            assertThat(outcome.history().get(3).trainingLoss())
                    .isLessThan(outcome.history().get(0).trainingLoss());
        }
    }

    @Test
    void theParametersWithNonFiniteGradientsAreNamedInputFirst() {
        try (Model model = toyModel();
                NDManager scope = model.getNDManager().newSubManager()) {
            final var parameters = model.getBlock().getParameters();
            parameters.values().forEach(p -> p.getArray().setRequiresGradient(true));
            assertThat(Gradients.nonFinite(model.getBlock(), scope)).isEmpty();

            // d(sum of y)/dW = x, d/db = 1: a NaN input poisons the weight's gradient only.
            try (GradientCollector collector =
                    model.getNDManager().getEngine().newGradientCollector()) {
                final NDList y =
                        model.getBlock()
                                .forward(
                                        new ai.djl.training.ParameterStore(scope, false),
                                        new NDList(
                                                scope.create(
                                                        new float[] {1, 2, 3, Float.NaN},
                                                        new Shape(1, 4, 1))),
                                        true);
                collector.backward(y.singletonOrThrow().sum());
            }

            assertThat(Gradients.nonFinite(model.getBlock(), scope))
                    .containsExactly(parameters.get(0).getKey());
        }
    }

    @Test
    void fiveNonFiniteStepsInARowAreDivergence() {
        try (Model model = toyModel()) {
            final Scripted task = new Scripted(model, 0.0, 0.1, 0.2, 0.3, 0.4);
            task.poisoned = e -> true;
            assertThatThrownBy(() -> TrainingLoop.run(model, task, RECIPE, p -> {}, () -> false))
                    .isInstanceOf(TrainingDivergedException.class)
                    .hasMessageStartingWith(
                            "training diverged at epoch 2, step 5 of 16 (5 steps in a row with a non-finite loss or gradient, last loss NaN");
        }
    }

    @Test
    void aCancelledRunStopsBeforeTheNextBatch() {
        try (Model model = toyModel()) {
            final Scripted task = new Scripted(model, 0.1, 0.2, 0.3, 0.4, 0.5);
            final List<TrainingProgress> progress = new ArrayList<>();
            assertThatThrownBy(
                            () ->
                                    TrainingLoop.run(
                                            model,
                                            task,
                                            RECIPE,
                                            progress::add,
                                            () -> progress.size() > 6))
                    .isInstanceOf(TrainingCancelledException.class)
                    .hasMessage(
                            "training cancelled in epoch 2 after 5 of 16 steps; nothing was stored");
            // Reports: initial, 4 batches, epoch 1, 1 batch of epoch 2; then the flag was seen.
            assertThat(progress).hasSize(7);
        }
    }
}
