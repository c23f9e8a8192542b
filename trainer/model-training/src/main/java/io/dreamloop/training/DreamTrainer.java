package io.dreamloop.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.predictor.model.SequenceEncoding;
import io.dreamloop.predictor.model.artifact.DjlModels;
import io.dreamloop.predictor.model.artifact.ModelManifest;
import io.dreamloop.predictor.model.artifact.ModelStore;
import io.dreamloop.predictor.model.nn.Bins;
import io.dreamloop.predictor.model.nn.PrixFixeNet;
import io.dreamloop.predictor.model.scoring.EncodedBatch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Trains a DREAM model (DREAM-CNN, DREAM-RNN or DREAM-Attn) with the reference recipe and stores
 * the best epoch in a {@link ModelStore} (SPEC §1.3-1.7):
 *
 * <ol>
 *   <li>the model starts from the reference initialization (seeded), or from a stored parent's
 *       weights when fine-tuning;
 *   <li>every epoch trains on every row on both strands (reverse complements with is_reverse 1),
 *       shuffled with the recipe's seed; inputs pad to 150 bp with N as zeros and is_singleton set
 *       for integer values; targets are the 18 soft bins ({@link SoftTargets}); loss {@link
 *       KlDivergenceLoss}; AdamW on the one-cycle schedule, stepped every batch;
 *   <li>after every epoch the validation rows are predicted as the predictor predicts them ({@code
 *       ModelScorer}: expected bin, averaged over both strands, N as 0.25, singleton 0) and scored
 *       by Pearson r; the epoch with the highest r is kept;
 *   <li>the kept weights are stored as a DJL artifact with the recipe, data sizes and scores in its
 *       lineage.
 * </ol>
 *
 * <p>A run is repeatable: the engine's seed and the shuffles derive from the recipe's seed. A
 * cancel flag is checked before every batch; a cancelled run throws {@link
 * TrainingCancelledException} and stores nothing. Every DJL resource is closed when {@code train}
 * returns. A trainer is stateless apart from the store and device; runs may share it, but on a CPU
 * they compete for the same cores.
 *
 * {@snippet :
 * DreamTrainer trainer = new DreamTrainer(store);
 * DreamDataset.Split data = DreamDataset.of(rows).split(0.1, 42);
 * TrainingJob job = TrainingJob.fromScratch(
 *         "cnn-2", Architecture.DREAM_CNN, DreamCnnConfig.cpu(), Recipe.dream(Architecture.DREAM_CNN));
 * AtomicBoolean cancel = new AtomicBoolean();
 * TrainingResult result = trainer.train(job, data.train(), data.validation(), progress -> log(progress), cancel::get);
 * String sha256 = result.manifest().sha256();
 * }
 */
public final class DreamTrainer {
    private final ModelStore store;
    private final Device device;
    private final SequenceEncoding encoding;

    /** A trainer on the CPU with the DREAM 2022 encoding. */
    public DreamTrainer(final ModelStore store) {
        this(store, Device.cpu(), SequenceEncoding.DREAM_2022);
    }

    /**
     * @param store where artifacts are stored (and parents are read)
     * @param device where to train
     * @param encoding the input encoding (the plasmid padding)
     */
    public DreamTrainer(
            final ModelStore store, final Device device, final SequenceEncoding encoding) {
        this.store = Objects.requireNonNull(store, "store");
        this.device = Objects.requireNonNull(device, "device");
        this.encoding = Objects.requireNonNull(encoding, "encoding");
    }

    /**
     * {@link #train(TrainingJob, DreamDataset, DreamDataset, Consumer, BooleanSupplier)} without
     * progress and cancellation.
     */
    public TrainingResult train(
            final TrainingJob job, final DreamDataset train, final DreamDataset validation) {
        try {
            return train(job, train, validation, p -> {}, () -> false);
        } catch (final TrainingCancelledException e) {
            throw new IllegalStateException("cannot happen: nothing cancels this run", e);
        }
    }

    /**
     * Trains, keeps the epoch with the best validation r and stores it.
     *
     * @param job what to train
     * @param train the training rows (at least 1)
     * @param validation the validation rows (at least 2), never trained on
     * @param listener receives progress on the training thread; an exception it throws aborts the
     *     run
     * @param cancelled checked before every batch; true cancels the run
     * @return the best epoch, its scores and the stored artifact's manifest
     * @throws TrainingCancelledException when cancelled; nothing is stored then
     * @throws IllegalArgumentException when the data are too small or the parent is not a DJL
     *     artifact of the job's architecture and configuration
     */
    public TrainingResult train(
            final TrainingJob job,
            final DreamDataset train,
            final DreamDataset validation,
            final Consumer<TrainingProgress> listener,
            final BooleanSupplier cancelled)
            throws TrainingCancelledException {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(cancelled, "cancelled");
        requireEnoughRows(train, validation);
        final ModelManifest parent = job.fineTuning() ? parentOf(job) : null;
        try (Model model = Model.newInstance(job.modelVersion(), device, "PyTorch")) {
            final PrixFixeNet net = initializedNet(model, job, parent);
            final TrainingLoop.Outcome outcome =
                    TrainingLoop.run(
                            model,
                            new DreamTask(train, validation),
                            job.recipe(),
                            listener,
                            cancelled);
            TrainingLoop.restore(net, model.getNDManager(), outcome.bestParameters());
            final ModelManifest manifest =
                    storeModel(model, job, parent, lineage(job, train, validation, outcome));
            return new TrainingResult(
                    manifest,
                    outcome.bestEpoch(),
                    outcome.best().r(),
                    outcome.initial().r(),
                    outcome.history());
        }
    }

    private static void requireEnoughRows(final DreamDataset train, final DreamDataset validation) {
        if (train.size() < 1 || validation.size() < 2) {
            throw new IllegalArgumentException(
                    "need at least 1 training and 2 validation rows, but got %d and %d"
                            .formatted(train.size(), validation.size()));
        }
    }

    /**
     * Builds the job's network as the model's block, seeds the engine and initializes the weights:
     * the reference initialization, or the parent's weights when there is one.
     */
    private PrixFixeNet initializedNet(
            final Model model, final TrainingJob job, final ModelManifest parent) {
        final PrixFixeNet net = DjlModels.build(job.architecture(), job.configuration());
        model.setBlock(net);
        model.getNDManager().getEngine().setRandomSeed(job.recipe().engineSeed());
        net.initialize(
                model.getNDManager(),
                DataType.FLOAT32,
                new Shape(1, SequenceEncoding.CHANNELS, SequenceEncoding.LENGTH));
        if (parent != null) {
            copyParentInto(parent, net, model.getNDManager());
        }
        return net;
    }

    private ModelManifest storeModel(
            final Model model,
            final TrainingJob job,
            final ModelManifest parent,
            final Map<String, String> lineage) {
        return DjlModels.store(
                store,
                model,
                job.modelVersion(),
                job.architecture(),
                job.configuration(),
                parent == null ? null : parent.modelVersion(),
                lineage);
    }

    private ModelManifest parentOf(final TrainingJob job) {
        final ModelManifest parent = store.manifest(job.parentSha256());
        if (!ModelManifest.DJL.equals(parent.format())
                || !parent.architecture().equals(job.architecture().wireName())
                || !DjlModels.configurationRecord(job.architecture(), parent.configuration())
                        .equals(
                                DjlModels.configurationRecord(
                                        job.architecture(), job.configuration()))) {
            throw new IllegalArgumentException(
                    "parent %s (%s %s, %s) does not match the job's %s %s"
                            .formatted(
                                    parent.modelVersion(),
                                    parent.format(),
                                    parent.architecture(),
                                    parent.configuration(),
                                    job.architecture().wireName(),
                                    job.configuration()));
        }
        return parent;
    }

    /** Copies a stored parent's parameters (verified against its hash) into the new block. */
    private void copyParentInto(
            final ModelManifest parent, final PrixFixeNet net, final NDManager manager) {
        try (Model parentModel = DjlModels.load(store, parent.sha256(), device)) {
            TrainingLoop.restore(net, manager, TrainingLoop.snapshot(parentModel.getBlock()));
        }
    }

    private static Map<String, String> lineage(
            final TrainingJob job,
            final DreamDataset train,
            final DreamDataset validation,
            final TrainingLoop.Outcome outcome) {
        final Recipe r = job.recipe();
        final Map<String, String> out = new LinkedHashMap<>();
        out.put(
                "recipe",
                "maxLr=%s weightDecay=%s batchSize=%d epochs=%d validationBatchSize=%d seed=%d"
                        .formatted(
                                r.maxLr(),
                                r.weightDecay(),
                                r.batchSize(),
                                r.epochs(),
                                r.validationBatchSize(),
                                r.seed()));
        out.put("trainingRows", Integer.toString(train.size()));
        out.put("validationRows", Integer.toString(validation.size()));
        out.put("bestEpoch", Integer.toString(outcome.bestEpoch()));
        out.put("validationR", String.format(Locale.ROOT, "%.6f", outcome.best().r()));
        out.put("initialValidationR", String.format(Locale.ROOT, "%.6f", outcome.initial().r()));
        out.put("skippedSteps", Long.toString(outcome.skippedSteps()));
        if (job.parentSha256() != null) {
            out.put("parentSha256", job.parentSha256());
        }
        out.putAll(job.lineage());
        return out;
    }

    /** The DREAM data as the training loop sees it. */
    private final class DreamTask implements TrainingLoop.Task {
        private final DreamDataset train;
        private final DreamDataset validation;
        private final List<DnaSequence> validationSequences;
        private final double[] validationValues;

        DreamTask(final DreamDataset train, final DreamDataset validation) {
            this.train = train;
            this.validation = validation;
            this.validationSequences =
                    validation.rows().stream().map(TrainingExample::sequence).toList();
            this.validationValues = validation.values();
        }

        @Override
        public int channels() {
            return SequenceEncoding.CHANNELS;
        }

        @Override
        public int length() {
            return SequenceEncoding.LENGTH;
        }

        @Override
        public int labelWidth() {
            return SoftTargets.BINS;
        }

        @Override
        public int examples() {
            return train.trainingExamples();
        }

        @Override
        public void encode(
                final int example,
                final float[] x,
                final int xOffset,
                final float[] y,
                final int yOffset) {
            train.encodeTraining(encoding, example, x, xOffset, y, yOffset);
        }

        @Override
        public Loss loss() {
            return new KlDivergenceLoss();
        }

        @Override
        public TrainingLoop.Validation validate(
                final UnaryOperator<NDList> forward, final NDManager manager, final int batchSize) {
            final int n = validation.size();
            final double[] predicted = new double[n];
            // Both strands in one pass: a pass of batchSize rows holds half as many sequences.
            final int chunk = Math.max(1, batchSize / 2);
            for (int from = 0; from < n; from += chunk) {
                final List<DnaSequence> batch =
                        validationSequences.subList(from, Math.min(n, from + chunk));
                try (NDManager scope = manager.newSubManager()) {
                    final NDArray x = EncodedBatch.bothStrands(scope, encoding, batch);
                    final float[] logits =
                            forward.apply(new NDList(x)).singletonOrThrow().toFloatArray();
                    for (int i = 0; i < batch.size(); i++) {
                        predicted[from + i] = meanOfStrands(logits, i, batch.size());
                    }
                }
            }
            return TrainingLoop.Validation.single(
                    Statistics.pearson(predicted, validationValues),
                    Statistics.mse(predicted, validationValues));
        }

        /** The mean expected bin of row {@code i}'s forward and reverse strand (row m + i). */
        private static double meanOfStrands(final float[] logits, final int i, final int m) {
            final int bins = SoftTargets.BINS;
            return (Bins.expectedBin(logits, i * bins, bins)
                            + (double) Bins.expectedBin(logits, (m + i) * bins, bins))
                    / 2;
        }

        @Override
        public double selectionScore(final TrainingLoop.Validation v) {
            return v.r();
        }
    }
}
