package io.dreamloop.trainer.service;

import io.dreamloop.contracts.event.EstimationMethod;
import io.dreamloop.evaluation.ChallengeScore;
import io.dreamloop.predictor.model.ModelSize;
import io.dreamloop.predictor.model.Precision;
import io.dreamloop.predictor.model.artifact.ModelManifest;
import io.dreamloop.trainer.config.ChampionPolicy;
import io.dreamloop.trainer.config.TrainerConfig;
import io.dreamloop.trainer.config.TrainingMode;
import io.dreamloop.trainer.persistence.MeasurementStore;
import io.dreamloop.trainer.persistence.ModelRegistry;
import io.dreamloop.trainer.persistence.ModelVersionEntity;
import io.dreamloop.trainer.persistence.TrainingRow;
import io.dreamloop.trainer.persistence.TrainingRunEntity;
import io.dreamloop.training.TrainingResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/** Plain stand-ins for the trainer's configuration, stores and transactions: no container. */
final class Fakes {
    private Fakes() {}

    record Training(
            String architecture,
            ModelSize size,
            TrainingMode mode,
            long every,
            String scale,
            EstimationMethod method,
            Optional<List<String>> files,
            int epochs,
            int batchSize,
            Optional<Integer> validationBatchSize,
            Optional<Double> maxLr,
            double validationFraction,
            long seed,
            String store,
            ChampionPolicy championPolicy)
            implements TrainerConfig.Training {
        @Override
        public String device() {
            return "cpu";
        }

        @Override
        public Precision precision() {
            return Precision.FLOAT32;
        }

        @Override
        public Optional<Boolean> cudnnBenchmark() {
            return Optional.empty();
        }
    }

    record Campaign(int ensemble, ChampionPolicy championPolicy)
            implements TrainerConfig.Campaign {}

    record Dataset(Set<String> scales, Set<String> excludeFlags) implements TrainerConfig.Dataset {}

    record Config(Dataset dataset, Training training, Campaign campaign) implements TrainerConfig {}

    /** Scratch runs of DREAM-CNN cpu, 2 epochs, seed 42, one row in ten held out. */
    static Config config(final String store) {
        return config(store, TrainingMode.SCRATCH, ChampionPolicy.NOT_WORSE, ChampionPolicy.ALWAYS);
    }

    static Config config(
            final String store,
            final TrainingMode mode,
            final ChampionPolicy policy,
            final ChampionPolicy campaignPolicy) {
        return new Config(
                new Dataset(Set.of("bin-index"), Set.of("none")),
                new Training(
                        "dream-cnn",
                        ModelSize.CPU,
                        mode,
                        0,
                        "bin-index",
                        EstimationMethod.BIN_WEIGHTED_MEAN,
                        Optional.empty(),
                        2,
                        32,
                        Optional.of(64),
                        Optional.empty(),
                        0.1,
                        42,
                        store,
                        policy),
                new Campaign(3, campaignPolicy));
    }

    /** Runs the work at once, as if in a transaction that always commits. */
    static final class Direct implements Transactions {
        int calls;

        @Override
        public <T> T call(final Supplier<T> work) {
            calls++;
            return work.get();
        }
    }

    /** A registry in memory: runs by id, registered versions in order, an optional champion. */
    static final class Registry extends ModelRegistry {
        final Map<String, TrainingRunEntity> runs = new HashMap<>();
        final List<ModelVersionEntity> registered = new ArrayList<>();
        Optional<ModelVersionEntity> champion = Optional.empty();

        Registry() {
            super(null);
        }

        @Override
        public Optional<ModelVersionEntity> champion() {
            return champion;
        }

        @Override
        public void register(final ModelVersionEntity version) {
            registered.add(version);
        }

        @Override
        public void add(final TrainingRunEntity run) {
            runs.put(run.runId(), run);
        }

        @Override
        public Optional<TrainingRunEntity> run(final String runId) {
            return Optional.ofNullable(runs.get(runId));
        }
    }

    /** Measurements in memory: the rows every query returns, and the flagged count. */
    static final class Measurements extends MeasurementStore {
        final List<TrainingRow> rows;
        final long flagged;
        final List<String> campaignsAsked = new ArrayList<>();

        Measurements(final List<TrainingRow> rows, final long flagged) {
            super(null, null);
            this.rows = List.copyOf(rows);
            this.flagged = flagged;
        }

        @Override
        public List<TrainingRow> trainingRows(
                final String scale,
                final String method,
                final String campaignId,
                final Set<String> excludedFlags) {
            campaignsAsked.add(campaignId);
            return rows;
        }

        @Override
        public long flaggedCount(
                final String scale,
                final String method,
                final String campaignId,
                final Set<String> excludedFlags) {
            return flagged;
        }

        @Override
        public long count() {
            return rows.size();
        }
    }

    /** {@code n} rows of distinct random 150-base sequences with values 0..n-1, seeded. */
    static List<TrainingRow> rows(final int n, final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final List<TrainingRow> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            final StringBuilder s = new StringBuilder();
            for (int k = 0; k < 150; k++) {
                s.append("ACGT".charAt(random.nextInt(4)));
            }
            out.add(new TrainingRow("r" + i, s.toString(), i % 18, null, null, null));
        }
        return out;
    }

    /** A stored DJL model's result, best at epoch 1 with the validation r given. */
    static TrainingResult result(final String version, final double bestValidationR) {
        return new TrainingResult(
                new ModelManifest(
                        version,
                        "dream-cnn",
                        ModelManifest.DJL,
                        "weights.params",
                        "ab".repeat(32),
                        null,
                        Map.of(),
                        Map.of(),
                        Instant.EPOCH),
                1,
                bestValidationR,
                0,
                List.of());
    }

    /** Held-out rows scored by predictions: {@code value + noise * i}. */
    static ChallengeScore score(final HeldOut heldOut, final double noise) {
        final float[] predictions = new float[heldOut.rows().size()];
        for (int i = 0; i < predictions.length; i++) {
            predictions[i] = (float) (heldOut.rows().get(i).value() + noise * (i % 5));
        }
        return heldOut.evaluate(predictions);
    }

    /** A run row as the service queues it. */
    static TrainingRunEntity queuedRun(final String runId) {
        return new TrainingRunEntity(runId, "test", "dream-cnn", "scratch", 2, 0);
    }
}
