package io.dreamloop.predictor.model.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Flanks;
import io.dreamloop.predictor.model.Architecture;
import io.dreamloop.predictor.model.ModelSize;
import io.dreamloop.predictor.model.Precision;
import io.dreamloop.predictor.model.artifact.DjlModels;
import io.dreamloop.predictor.model.artifact.ModelManifest;
import io.dreamloop.predictor.model.artifact.ModelStore;
import io.dreamloop.predictor.model.artifact.ReferenceCnn;
import io.dreamloop.predictor.model.nn.PrixFixeNet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every precision the CPU engine runs ({@link Precision}: float32 and float16) scores as float32
 * does, within a tolerance, for every architecture and for the trained reference DREAM-CNN.
 *
 * <p>Why 0.005 in the expected bin: float16 rounds each value to 11 significant bits (relative
 * error 2^-11, about 4.9e-4), and a forward pass accumulates such roundings through 10-20 layers;
 * the expected bin is a softmax-weighted mean of bins 0-17, so a relative logit error e moves it by
 * at most about 17 e. 0.005 bins is 1/3400 of the scale, ten times below the third decimal that
 * reports print and far below the half bin a measurement's bin index is noisy by. Measured on 48
 * seeded oligos: 7e-5 (DREAM-CNN), 1.5e-4 (DREAM-RNN), 4e-4 (DREAM-Attn) at cpu size with seeded
 * initial weights, and 1.9e-3 for the trained paper-size DREAM-CNN, whose outputs spread widely.
 * float16 must also differ from float32 somewhere, or it did not run in half precision.
 */
class ReducedPrecisionTest {
    private static final float TOLERANCE = 0.005f;
    private static final Path DATA =
            Path.of(System.getProperty("dreamloop.root", "../.."), "..", "shared", "data");

    static List<DnaSequence> oligos(final int n, final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final List<DnaSequence> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            final char[] bases = new char[80];
            for (int j = 0; j < 80; j++) {
                bases[j] = DnaSequence.BASES.charAt(random.nextInt(4));
            }
            out.add(Flanks.DREAM_2022.wrap(DnaSequence.of(new String(bases))));
        }
        return out;
    }

    @Test
    void everyArchitectureInFloat16ScoresAsInFloat32(@TempDir final Path dir) {
        final ModelStore store = new ModelStore(dir);
        for (final Architecture a : Architecture.values()) {
            Engine.getInstance().setRandomSeed(16);
            final Record config = DjlModels.configuration(a, ModelSize.CPU);
            final Model model = Model.newInstance(a.wireName(), Device.cpu(), "PyTorch");
            final PrixFixeNet net = DjlModels.build(a, DjlModels.configurationOf(config));
            model.setBlock(net);
            net.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 6, 150));
            final ModelManifest m =
                    DjlModels.store(store, model, a.wireName(), a, config, null, Map.of());
            model.close();
            assertCloseToFloat32(a.wireName(), store, m.sha256());
        }
    }

    @Test
    void theTrainedReferenceCnnInFloat16ScoresAsInFloat32(@TempDir final Path dir)
            throws IOException {
        final ModelStore store = new ModelStore(dir);
        final ModelManifest m = ReferenceCnn.store(store, DATA.resolve("models/dream_cnn_demo.pt"));
        assertCloseToFloat32("trained dream-cnn", store, m.sha256());
    }

    @Test
    void bfloat16IsRefusedBeforeTheModelLoads(@TempDir final Path dir) {
        assertThatThrownBy(
                        () ->
                                StoredModels.scorer(
                                        new ModelStore(dir),
                                        "0".repeat(64),
                                        Device.cpu(),
                                        8,
                                        Precision.BFLOAT16))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no bfloat16 type");
    }

    private static void assertCloseToFloat32(
            final String what, final ModelStore store, final String sha256) {
        final List<DnaSequence> sequences = oligos(48, 16);
        final float[] full = score(store, sha256, Precision.FLOAT32, sequences);
        final float[] half = score(store, sha256, Precision.FLOAT16, sequences);
        float max = 0;
        for (int i = 0; i < full.length; i++) {
            max = Math.max(max, Math.abs(half[i] - full[i]));
        }
        System.out.printf("%s: float16 - float32, max |difference| %.6f bins%n", what, max);
        assertThat(max).as(what).isGreaterThan(0f).isLessThan(TOLERANCE);
    }

    private static float[] score(
            final ModelStore store,
            final String sha256,
            final Precision precision,
            final List<DnaSequence> sequences) {
        try (ModelScorer scorer = StoredModels.scorer(store, sha256, Device.cpu(), 16, precision)) {
            return scorer.score(sequences).mean();
        }
    }
}
