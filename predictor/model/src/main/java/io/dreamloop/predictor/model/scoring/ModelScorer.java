package io.dreamloop.predictor.model.scoring;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.predictor.model.SequenceEncoding;
import io.dreamloop.predictor.model.nn.AutosomeFinalBlock;
import io.dreamloop.predictor.model.nn.Bins;
import java.util.List;

/**
 * Scores sequences with one loaded model, in batches of at most {@code batchSize}. Owns the model:
 * closing the scorer closes it. Safe for concurrent use (one DJL predictor per call).
 */
public final class ModelScorer implements AutoCloseable {
    private static final int BINS = AutosomeFinalBlock.BINS;

    private final Model model;
    private final SequenceEncoding encoding;
    private final int batchSize;
    private final DataType precision;

    /** A float32 scorer. */
    public ModelScorer(final Model model, final SequenceEncoding encoding, final int batchSize) {
        this(model, encoding, batchSize, DataType.FLOAT32);
    }

    /**
     * @param model a loaded model mapping {@code (N, 6, 150)} to logits {@code (N, 18)}
     * @param encoding the input encoding
     * @param batchSize the largest batch sent to the model at once, both strands counted (a batch
     *     of 64 scores 32 sequences)
     * @param precision the model's parameter type; inputs are cast to it, logits read as float32
     */
    public ModelScorer(
            final Model model,
            final SequenceEncoding encoding,
            final int batchSize,
            final DataType precision) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, but was " + batchSize);
        }
        this.model = model;
        this.encoding = encoding;
        this.batchSize = batchSize;
        this.precision = precision;
    }

    /**
     * Scores the sequences on both strands.
     *
     * @throws IllegalArgumentException when a sequence cannot be padded
     * @throws IllegalStateException when the model fails
     */
    public StrandPredictions score(final List<DnaSequence> sequences) {
        final int n = sequences.size();
        final float[] fwd = new float[n];
        final float[] rev = new float[n];
        final float[] logitsF = new float[n * BINS];
        final float[] logitsR = new float[n * BINS];
        // Both strands go through one forward pass, so a chunk holds half a batch of sequences.
        final int chunk = Math.max(1, batchSize / 2);
        try (Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator());
                NDManager manager = model.getNDManager().newSubManager()) {
            for (int from = 0; from < n; from += chunk) {
                final List<DnaSequence> batch = sequences.subList(from, Math.min(n, from + chunk));
                final float[] logits = logits(predictor, manager, batch);
                final int rows = batch.size() * BINS;
                System.arraycopy(logits, 0, logitsF, from * BINS, rows);
                System.arraycopy(logits, rows, logitsR, from * BINS, rows);
                for (int i = 0; i < batch.size(); i++) {
                    fwd[from + i] = Bins.expectedBin(logits, i * BINS, BINS);
                    rev[from + i] = Bins.expectedBin(logits, rows + i * BINS, BINS);
                }
            }
        } catch (final TranslateException e) {
            throw new IllegalStateException(
                    "model " + model.getName() + " failed: " + e.getMessage(), e);
        }
        return new StrandPredictions(fwd, rev, logitsF, logitsR);
    }

    /** Logits of both strands, {@code (2 * batch, 18)} row-major: one pass, one readback. */
    private float[] logits(
            final Predictor<NDList, NDList> predictor,
            final NDManager manager,
            final List<DnaSequence> batch)
            throws TranslateException {
        try (NDManager scope = manager.newSubManager()) {
            final NDArray x = EncodedBatch.bothStrands(scope, encoding, batch);
            final NDArray out =
                    predictor
                            .predict(new NDList(x.toType(precision, false)))
                            .singletonOrThrow()
                            .toType(DataType.FLOAT32, false);
            out.attach(scope);
            return out.toFloatArray();
        }
    }

    public String name() {
        return model.getName();
    }

    @Override
    public void close() {
        model.close();
    }
}
