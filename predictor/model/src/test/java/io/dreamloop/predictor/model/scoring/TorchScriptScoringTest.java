package io.dreamloop.predictor.model.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.predictor.model.SequenceEncoding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The DREAM-CNN traced in PyTorch, served through DJL with our encoding, reproduces the reference
 * logits and predictions (forward, reverse, averaged) to 1e-4.
 */
class TorchScriptScoringTest {
    static final Path DATA =
            Path.of(System.getProperty("dreamloop.root", "../.."), "..", "shared", "data");

    @Test
    void reproducesTheReferenceOutputs() throws IOException {
        final JsonNode expected =
                new ObjectMapper()
                        .readTree(DATA.resolve("models/dream_cnn_demo_expected.json").toFile());
        final List<DnaSequence> sequences = new ArrayList<>();
        expected.get("sequences").forEach(s -> sequences.add(DnaSequence.of(s.asText())));
        final SequenceEncoding encoding =
                SequenceEncoding.ofPlasmidJson(DATA.resolve("dream2022/plasmid.json"));
        try (ModelScorer scorer =
                new ModelScorer(
                        TorchScriptModels.load(
                                DATA.resolve("models/dream_cnn_demo.pt"), Device.cpu()),
                        encoding,
                        3)) {
            final StrandPredictions p = scorer.score(sequences);
            for (int i = 0; i < sequences.size(); i++) {
                for (int k = 0; k < 18; k++) {
                    assertThat(p.logitsForward()[i * 18 + k])
                            .isCloseTo(
                                    (float) expected.get("logits_forward").get(i).get(k).asDouble(),
                                    offset(1e-4f));
                    assertThat(p.logitsReverse()[i * 18 + k])
                            .isCloseTo(
                                    (float) expected.get("logits_reverse").get(i).get(k).asDouble(),
                                    offset(1e-4f));
                }
                assertThat(p.mean()[i])
                        .isCloseTo(
                                (float) expected.get("prediction").get(i).asDouble(),
                                offset(1e-4f));
            }
        }
    }

    @Test
    void aMissingOrForeignFileIsAClearError() {
        assertThatThrownBy(
                        () -> TorchScriptModels.load(DATA.resolve("models/none.pt"), Device.cpu()))
                .hasMessageStartingWith("no TorchScript file at ");
        assertThatThrownBy(
                        () ->
                                TorchScriptModels.load(
                                        DATA.resolve("dream2022/plasmid.json"), Device.cpu()))
                .hasMessageStartingWith("a TorchScript file must end in .pt");
    }
}
