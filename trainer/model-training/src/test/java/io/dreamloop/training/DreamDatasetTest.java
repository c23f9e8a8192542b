package io.dreamloop.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.predictor.model.SequenceEncoding;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DreamDatasetTest {
    private static final int SIZE = 6 * 150;

    @Test
    void splitIsSeededDisjointAndComplete() throws IOException {
        final DreamDataset all = DreamDataset.read(DreamFormatTest.DEMO_TRAIN);
        final DreamDataset.Split a = all.split(0.1, 42);
        final DreamDataset.Split b = all.split(0.1, 42);
        assertThat(a.validation().size()).isEqualTo(637);
        assertThat(a.train().size()).isEqualTo(6370 - 637);
        assertThat(a.validation().rows()).isEqualTo(b.validation().rows());
        assertThat(all.split(0.1, 43).validation().rows()).isNotEqualTo(a.validation().rows());
        final Set<TrainingExample> union = new HashSet<>(a.train().rows());
        union.addAll(a.validation().rows());
        assertThat(union).hasSize(new HashSet<>(all.rows()).size());
        assertThat(a.train().trainingExamples()).isEqualTo(2 * a.train().size());
        assertThat(all.sample(1000, 7).rows()).isEqualTo(all.sample(1000, 7).rows()).hasSize(1000);
        assertThatThrownBy(() -> all.split(1, 1))
                .hasMessage("validation fraction must be in (0, 1), but was 1.0");
    }

    @Test
    void everyRowTrainsOnBothStrandsWithTheReferenceChannels() {
        final String oligo =
                "TGCATTTTTTTCACATC" + "N" + "A".repeat(79) + "GGTTACGGCTGTT"; // an N at position 17
        final DreamDataset data =
                DreamDataset.of(
                        List.of(TrainingExample.of(oligo, 12), TrainingExample.of(oligo, 3.25)));
        final float[] x = new float[4 * SIZE];
        final float[] y = new float[4 * 18];
        for (int e = 0; e < 4; e++) {
            data.encodeTraining(SequenceEncoding.DREAM_2022, e, x, e * SIZE, y, e * 18);
        }
        final DnaSequence padded = SequenceEncoding.DREAM_2022.pad(DnaSequence.of(oligo));
        final float[] forward = new float[SIZE];
        SequenceEncoding.DREAM_2022.encodeInto(
                padded, false, true, SequenceEncoding.UnknownBase.ZEROS, forward, 0);
        final float[] reverse = new float[SIZE];
        SequenceEncoding.DREAM_2022.encodeInto(
                padded.reverseComplement(),
                true,
                true,
                SequenceEncoding.UnknownBase.ZEROS,
                reverse,
                0);
        // Example 0: row 0 forward, singleton (value 12); example 1: its reverse complement.
        assertThat(java.util.Arrays.copyOfRange(x, 0, SIZE)).containsExactly(forward);
        assertThat(java.util.Arrays.copyOfRange(x, SIZE, 2 * SIZE)).containsExactly(reverse);
        // The N (padded position 57) is all zeros in training.
        for (int c = 0; c < 4; c++) {
            assertThat(x[c * 150 + 57]).isZero();
        }
        // Row 1 (3.25) is not a singleton: channel 5 is 0 on both strands; channel 4 marks strand.
        assertThat(x[2 * SIZE + 5 * 150]).isZero();
        assertThat(x[3 * SIZE + 5 * 150]).isZero();
        assertThat(x[2 * SIZE + 4 * 150]).isZero();
        assertThat(x[3 * SIZE + 4 * 150 + 149]).isEqualTo(1f);
        assertThat(java.util.Arrays.copyOfRange(y, 18, 36)).containsExactly(SoftTargets.of(12));
        assertThat(java.util.Arrays.copyOfRange(y, 54, 72)).containsExactly(SoftTargets.of(3.25));
    }

    @Test
    void rejectsARowThatCannotBePadded() {
        assertThatThrownBy(() -> DreamDataset.of(List.of(TrainingExample.of("ACGT", 1))))
                .hasMessageStartingWith("row 0: sequence of 4 bases is too short to pad");
    }
}
