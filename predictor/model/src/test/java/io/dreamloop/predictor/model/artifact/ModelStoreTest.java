package io.dreamloop.predictor.model.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {
    private static final Path FIXTURE =
            Path.of(
                    System.getProperty("dreamloop.root", "../.."),
                    "..",
                    "shared",
                    "data",
                    "models",
                    "dream_cnn_demo.pt");

    @Test
    void storesUnderTheHashAndVerifiesOnLoad(@TempDir final Path dir) throws IOException {
        final ModelStore store = new ModelStore(dir);
        final ModelManifest m =
                store.put(
                        FIXTURE,
                        "cnn-demo",
                        "dream-cnn",
                        ModelManifest.TORCHSCRIPT,
                        null,
                        Map.of("size", "paper"),
                        Map.of("source", "dream_cnn_demo.pt"));
        assertThat(m.sha256()).isEqualTo(ModelStore.sha256(FIXTURE)).hasSize(64);
        assertThat(store.verifiedWeights(m.sha256())).hasFileName("model.pt");
        assertThat(store.manifest(m.sha256())).isEqualTo(m);
        assertThat(store.uri(m.sha256()).toString()).startsWith("file:").endsWith(m.sha256() + "/");
        // Same weights again: the same artifact.
        assertThat(
                        store.put(
                                FIXTURE,
                                "other",
                                "dream-cnn",
                                ModelManifest.TORCHSCRIPT,
                                null,
                                null,
                                null))
                .isEqualTo(m);

        final Path weights = dir.resolve(m.sha256()).resolve("model.pt");
        final byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length / 2] ^= 1;
        Files.write(weights, bytes);
        assertThatThrownBy(() -> store.verifiedWeights(m.sha256()))
                .isInstanceOf(ArtifactIntegrityException.class)
                .hasMessageContaining("the file was changed or corrupted");
    }

    @Test
    void unknownArtifactAndBadManifestValuesAreNamed(@TempDir final Path dir) {
        assertThatThrownBy(() -> new ModelStore(dir).manifest("0".repeat(64)))
                .hasMessageStartingWith("no model artifact 0000");
        assertThatThrownBy(
                        () ->
                                new ModelManifest(
                                        "v",
                                        "dream-cnn",
                                        "onnx",
                                        "w",
                                        "0".repeat(64),
                                        null,
                                        null,
                                        null,
                                        java.time.Instant.EPOCH))
                .hasMessage("format must be 'torchscript' or 'djl', but was 'onnx'");
    }
}
