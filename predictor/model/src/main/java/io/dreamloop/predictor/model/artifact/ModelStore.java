package io.dreamloop.predictor.model.artifact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dreamloop.contracts.wire.EventCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/**
 * A content-addressed store of model artifacts: {@code <root>/<sha256>/manifest.json} plus the
 * weights file, where sha256 is the hash of the weights. Thread-safe for readers; writers write to
 * a temporary directory and move it into place, so a half-written artifact is never visible.
 */
public final class ModelStore {
    private static final String MANIFEST = "manifest.json";

    private final Path root;
    private final ObjectMapper json =
            EventCodec.instance().mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

    public ModelStore(final Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /**
     * Stores a weights file under its hash with a manifest, and returns the manifest. Storing the
     * same weights again returns the stored manifest unchanged.
     */
    public ModelManifest put(
            final Path weights,
            final String modelVersion,
            final String architecture,
            final String format,
            final String parentVersion,
            final Map<String, Object> configuration,
            final Map<String, String> lineage) {
        final String sha = sha256(weights);
        final Path dir = root.resolve(sha);
        if (Files.exists(dir.resolve(MANIFEST))) {
            return manifest(sha);
        }
        final String weightsFile =
                format.equals(ModelManifest.TORCHSCRIPT) ? "model.pt" : "model-0000.params";
        final ModelManifest manifest =
                new ModelManifest(
                        modelVersion,
                        architecture,
                        format,
                        weightsFile,
                        sha,
                        parentVersion,
                        configuration,
                        lineage,
                        Instant.now());
        try {
            Files.createDirectories(root);
            final Path tmp = Files.createTempDirectory(root, ".incoming-");
            Files.copy(weights, tmp.resolve(weightsFile), StandardCopyOption.REPLACE_EXISTING);
            json.writeValue(tmp.resolve(MANIFEST).toFile(), manifest);
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot store artifact " + sha, e);
        }
        return manifest;
    }

    /**
     * The manifest of a stored artifact.
     *
     * @throws IllegalArgumentException when no such artifact exists
     */
    public ModelManifest manifest(final String sha256) {
        final Path file = root.resolve(sha256).resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    "no model artifact %s in %s".formatted(sha256, root));
        }
        try {
            return json.readValue(file.toFile(), ModelManifest.class);
        } catch (final IOException e) {
            throw new ArtifactIntegrityException(
                    "artifact %s has an unreadable manifest: %s".formatted(sha256, e.getMessage()));
        }
    }

    /**
     * The weights file of an artifact, after checking that its hash is the artifact's address and
     * the manifest's.
     *
     * @throws ArtifactIntegrityException when the content does not match
     */
    public Path verifiedWeights(final String sha256) {
        final ModelManifest manifest = manifest(sha256);
        if (!manifest.sha256().equals(sha256)) {
            throw new ArtifactIntegrityException(
                    "artifact %s has a manifest for %s".formatted(sha256, manifest.sha256()));
        }
        final Path weights = root.resolve(sha256).resolve(manifest.weightsFile());
        final String actual = sha256(weights);
        if (!actual.equals(sha256)) {
            throw new ArtifactIntegrityException(
                    "artifact %s: weights hash to %s; the file was changed or corrupted"
                            .formatted(sha256, actual));
        }
        return weights;
    }

    /** The artifact's URI, as carried by model-published. */
    public URI uri(final String sha256) {
        return root.resolve(sha256).toUri();
    }

    /** sha256 of a file, lower-case hex. */
    public static String sha256(final Path file) {
        try (InputStream in =
                new DigestInputStream(
                        Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            final byte[] buffer = new byte[1 << 16];
            while (in.read(buffer) >= 0) {
                // digesting
            }
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
