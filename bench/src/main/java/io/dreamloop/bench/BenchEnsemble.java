package io.dreamloop.bench;

import ai.djl.Device;
import ai.djl.Model;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Flanks;
import io.dreamloop.designer.ga.SequenceScorer;
import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.Precision;
import io.dreamloop.predictor.model.SequenceEncoding;
import io.dreamloop.predictor.model.artifact.DjlModels;
import io.dreamloop.predictor.model.artifact.ModelStore;
import io.dreamloop.predictor.model.scoring.ModelScorer;
import io.dreamloop.training.DreamDataset;
import io.dreamloop.training.DreamTrainer;
import io.dreamloop.training.Recipe;
import io.dreamloop.training.TrainingCancelledException;
import io.dreamloop.training.TrainingDivergedException;
import io.dreamloop.training.TrainingExample;
import io.dreamloop.training.TrainingJob;
import io.dreamloop.training.TrainingResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The ensembles of the campaign benchmarks: CPU-size models trained in process with the DREAM
 * recipe, members differing in seed (and in their 90/10 split), kept in a model store by hash.
 *
 * @param store where the artifacts go
 * @param architecture the architecture, CPU size
 * @param size models per ensemble
 * @param epochs epochs per model
 * @param batchSize training batch
 * @param maxLr peak learning rate, halved once when a run diverges
 * @param device where the members train and score (--device)
 * @param precision what the members score in (--precision; they train in float32)
 */
record BenchEnsemble(
        ModelStore store,
        Architecture architecture,
        int size,
        int epochs,
        int batchSize,
        double maxLr,
        Device device,
        Precision precision) {
    private static final int SCORING_BATCH = 512;

    /**
     * Trains an ensemble on the measurements: from scratch, or each member fine-tuned from {@code
     * warmFrom}'s member when that is not empty; returns the artifacts' hashes.
     *
     * @param name names the versions with the seed, cycle and member
     */
    List<String> train(
            final String name,
            final long seed,
            final int cycle,
            final List<TrainingExample> measured,
            final List<String> warmFrom)
            throws TrainingCancelledException {
        final List<String> out = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            final DreamDataset.Split split =
                    DreamDataset.of(measured).split(0.1, seed + 31L * k + 7L * cycle);
            final Recipe recipe =
                    Recipe.dream(architecture)
                            .withEpochs(epochs)
                            .withBatchSize(batchSize)
                            .withValidationBatchSize(1024)
                            .withMaxLr(maxLr)
                            .withSeed(seed + k);
            final String version = "%s-%d-%d-%d".formatted(name, seed, cycle, k);
            final TrainingJob job =
                    warmFrom.isEmpty()
                            ? TrainingJob.fromScratch(
                                    version,
                                    architecture,
                                    ModelSizes.configuration(architecture, "cpu"),
                                    recipe)
                            : TrainingJob.fineTune(
                                    version, store.manifest(warmFrom.get(k)), recipe);
            out.add(trainOnce(job, split).manifest().sha256());
        }
        return out;
    }

    private TrainingResult trainOnce(final TrainingJob job, final DreamDataset.Split split)
            throws TrainingCancelledException {
        final DreamTrainer trainer = new DreamTrainer(store, device, SequenceEncoding.DREAM_2022);
        try {
            return trainer.train(job, split.train(), split.validation(), p -> {}, () -> false);
        } catch (final TrainingDivergedException e) {
            System.out.printf(
                    "  %s diverged; retrying at half the peak rate%n", job.modelVersion());
            final Recipe half = job.recipe().withMaxLr(job.recipe().maxLr() / 2);
            return trainer.train(
                    job.withRecipe(half), split.train(), split.validation(), p -> {}, () -> false);
        }
    }

    /** Each model's expected bin (both strands) for every sequence: {@code [model][sequence]}. */
    double[][] predict(final List<String> models, final List<DnaSequence> sequences) {
        final double[][] out = new double[models.size()][];
        for (int m = 0; m < models.size(); m++) {
            try (Model model = DjlModels.load(store, models.get(m), device, precision);
                    ModelScorer scorer = scorerOf(model)) {
                out[m] = doubles(scorer.score(sequences).mean());
            }
        }
        return out;
    }

    private ModelScorer scorerOf(final Model model) {
        return new ModelScorer(
                model, SequenceEncoding.DREAM_2022, SCORING_BATCH, precision.dataType());
    }

    /**
     * The ensemble as a GA's scorer of variable regions (wrapped in the DREAM 2022 flanks), its
     * models loaded once; close it after the design.
     */
    Scorer scorer(final List<String> models) {
        return new Scorer(models);
    }

    /** An ensemble loaded for scoring. */
    final class Scorer implements SequenceScorer, AutoCloseable {
        private final List<Model> loaded = new ArrayList<>();
        private final List<ModelScorer> scorers = new ArrayList<>();

        private Scorer(final List<String> models) {
            for (final String m : models) {
                final Model model = DjlModels.load(store, m, device, precision);
                loaded.add(model);
                scorers.add(scorerOf(model));
            }
        }

        @Override
        public double[][] score(final List<DnaSequence> variableRegions) {
            final List<DnaSequence> oligos =
                    variableRegions.stream().map(Flanks.DREAM_2022::wrap).toList();
            final double[][] out = new double[scorers.size()][];
            for (int m = 0; m < out.length; m++) {
                out[m] = doubles(scorers.get(m).score(oligos).mean());
            }
            return out;
        }

        @Override
        public void close() {
            scorers.forEach(ModelScorer::close);
            loaded.forEach(Model::close);
        }
    }

    private static double[] doubles(final float[] values) {
        final double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
