package io.dreamloop.predictor.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dreamloop.contracts.sequence.DnaSequence;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the encoding against the reference fixture in ../shared/data. */
class SequenceEncodingTest {
    private static final Path DATA =
            Path.of(System.getProperty("dreamloop.root", "../.."), "..", "shared", "data");
    private final SequenceEncoding encoding =
            SequenceEncoding.ofPlasmidJson(DATA.resolve("dream2022/plasmid.json"));

    @Test
    void paddingMatchesTheReference() throws IOException {
        final JsonNode expected =
                new ObjectMapper()
                        .readTree(DATA.resolve("models/dream_cnn_demo_expected.json").toFile());
        assertThat(expected.get("sequences")).hasSize(8);
        for (int i = 0; i < expected.get("sequences").size(); i++) {
            final DnaSequence raw = DnaSequence.of(expected.get("sequences").get(i).asText());
            assertThat(encoding.pad(raw).bases())
                    .isEqualTo(expected.get("padded_150").get(i).asText());
        }
        assertThat(SequenceEncoding.DREAM_2022.upstreamPadding())
                .isEqualTo(encoding.upstreamPadding());
        assertThat(encoding.upstreamPadding())
                .endsWith("TGCATTTTTTTCACATC")
                .startsWith("AGTCCACTATTAAAGAACGTGGACTCC");
    }

    @Test
    void lengthDifferencesAreAbsorbedOnTheLeft() {
        final DnaSequence longer =
                DnaSequence.of("TGCATTTTTTTCACATC" + "A".repeat(140) + "GGTTACGGCTGTT");
        assertThat(encoding.pad(longer).bases()).isEqualTo("A".repeat(137) + "GGTTACGGCTGTT");
        assertThatThrownBy(() -> encoding.pad(DnaSequence.of("ACGT")))
                .hasMessageContaining("too short to pad");
    }

    @Test
    void channelsAreAgctThenReverseThenSingleton() {
        final DnaSequence padded = DnaSequence.of("AGCTN" + "A".repeat(145));
        final float[] train = new float[6 * 150];
        encoding.encodeInto(padded, true, true, SequenceEncoding.UnknownBase.ZEROS, train, 0);
        assertThat(at(train, 0, 0)).isEqualTo(1f); // A -> channel 0
        assertThat(at(train, 1, 1)).isEqualTo(1f); // G -> channel 1
        assertThat(at(train, 2, 2)).isEqualTo(1f); // C -> channel 2
        assertThat(at(train, 3, 3)).isEqualTo(1f); // T -> channel 3
        for (int c = 0; c < 4; c++) {
            assertThat(at(train, c, 4)).isZero(); // N in training
        }
        for (int i = 0; i < 150; i++) {
            assertThat(at(train, 4, i)).isEqualTo(1f);
            assertThat(at(train, 5, i)).isEqualTo(1f);
        }
        final float[] predict = new float[6 * 150];
        encoding.encodeInto(padded, false, false, SequenceEncoding.UnknownBase.UNIFORM, predict, 0);
        for (int c = 0; c < 4; c++) {
            assertThat(at(predict, c, 4)).isEqualTo(0.25f);
        }
        assertThat(at(predict, 4, 0)).isZero();
        assertThat(at(predict, 5, 0)).isZero();
    }

    @Test
    void reverseStrandIsTheReverseComplementOfThePaddedSequence() {
        final List<DnaSequence> batch = new ArrayList<>();
        batch.add(DnaSequence.of("TGCATTTTTTTCACATC" + "ACGT".repeat(20) + "GGTTACGGCTGTT"));
        final float[] reverse = encoding.predictionBatch(batch, true);
        final DnaSequence rc = encoding.pad(batch.getFirst()).reverseComplement();
        for (int i = 0; i < 150; i++) {
            assertThat(at(reverse, SequenceEncoding.BASE_ORDER.indexOf(rc.baseAt(i)), i))
                    .isEqualTo(1f);
            assertThat(at(reverse, 4, i)).isEqualTo(1f);
        }
        float sum = 0;
        for (final float v : reverse) {
            sum += v;
        }
        assertThat(sum).isEqualTo(300f); // one base channel + is_reverse per position
    }

    @Test
    void trainingEncodingPadsFlipsAndFlagsTheSingleton() {
        final DnaSequence oligo =
                DnaSequence.of(
                        "TGCATTTTTTTCACATC" + "N" + "ACG".repeat(26) + "A" + "GGTTACGGCTGTT");
        final float[] forward = new float[6 * 150];
        encoding.encodeTrainingInto(oligo, false, true, forward, 0);
        final float[] expected = new float[6 * 150];
        encoding.encodeInto(
                encoding.pad(oligo), false, true, SequenceEncoding.UnknownBase.ZEROS, expected, 0);
        assertThat(forward).containsExactly(expected);
        for (int c = 0; c < 4; c++) {
            assertThat(at(forward, c, 57)).isZero(); // the N, all zeros in training
        }
        assertThat(at(forward, 5, 0)).isEqualTo(1f);
        final float[] reverse = new float[6 * 150];
        encoding.encodeTrainingInto(oligo, true, false, reverse, 0);
        final DnaSequence rc = encoding.pad(oligo).reverseComplement();
        assertThat(at(reverse, SequenceEncoding.BASE_ORDER.indexOf(rc.baseAt(0)), 0)).isEqualTo(1f);
        assertThat(at(reverse, 4, 0)).isEqualTo(1f);
        assertThat(at(reverse, 5, 0)).isZero();
    }

    @Test
    void unpaddedEncodingKeepsTheLengthAndHasNoSingletonChannel() {
        final DnaSequence s = DnaSequence.of("AGCTNA");
        final int length = s.length();
        final float[] forward = new float[SequenceEncoding.UNPADDED_CHANNELS * length];
        SequenceEncoding.encodeUnpaddedInto(
                s, false, SequenceEncoding.UnknownBase.UNIFORM, forward, 0);
        assertThat(forward)
                .containsExactly(
                        1, 0, 0, 0, 0.25f, 1, // A
                        0, 1, 0, 0, 0.25f, 0, // G
                        0, 0, 1, 0, 0.25f, 0, // C
                        0, 0, 0, 1, 0.25f, 0, // T
                        0, 0, 0, 0, 0, 0); // is_reverse
        final float[] reverse = new float[SequenceEncoding.UNPADDED_CHANNELS * length];
        SequenceEncoding.encodeUnpaddedInto(
                s, true, SequenceEncoding.UnknownBase.ZEROS, reverse, 0);
        // TNAGCT: the reverse complement, N as zeros, is_reverse 1.
        assertThat(reverse)
                .containsExactly(
                        0, 0, 1, 0, 0, 0, // A
                        0, 0, 0, 1, 0, 0, // G
                        0, 0, 0, 0, 1, 0, // C
                        1, 0, 0, 0, 0, 1, // T
                        1, 1, 1, 1, 1, 1); // is_reverse
    }

    private static float at(final float[] x, final int channel, final int position) {
        return x[channel * 150 + position];
    }
}
