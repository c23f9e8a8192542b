package io.dreamloop.trainer.service;

import io.dreamloop.contracts.event.ExpressionScale;
import io.dreamloop.platform.error.ConflictException;
import io.dreamloop.trainer.config.TrainerConfig;
import io.dreamloop.trainer.persistence.DatasetFileEntity;
import io.dreamloop.trainer.persistence.DatasetFiles;
import io.dreamloop.training.DreamFormat;
import io.dreamloop.training.TrainingExample;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Adds a DREAM-format file ({@code sequence<TAB>expression}, as {@code demo_train.txt}) to the
 * dataset, once per content.
 *
 * <p><b>Mapping.</b> A DREAM file's expression is the challenge's bin-weighted mean on the
 * bin-index scale (0..17), so its rows are stored with scale {@code bin-index} and method {@code
 * bin-weighted-mean} whatever the training scale is configured to: if training uses another scale
 * or method, the rows stay apart in their own slice and are not used (never mixed). Each row is a
 * measurement with run and library {@code file-<first 12 hex of the SHA-256 of the body>}, member =
 * its line number, singleton = the value is an integer (the DREAM recipe's rule), no reads, QC
 * flags, subset, pair or campaign. Stored, they survive restarts and every later non-campaign run
 * trains on them; campaign runs learn only from their campaign's measurements.
 *
 * <p><b>Training.</b> Adding a file starts no run (call {@code POST /training}). The rows do count
 * towards {@code dreamloop.trainer.training.every}, which counts stored measurements: the next
 * measurements-recorded event after an upload may therefore start a run sooner.
 */
@ApplicationScoped
public class DatasetUpload {
    /** Malformed lines described in a 400 answer (all are counted). */
    static final int MAX_PROBLEMS = 20;

    private static final int MAX_NAME = 1000;
    private static final int ID_HEX = 12;

    private final TrainerConfig config;
    private final DatasetFiles files;

    @Inject
    public DatasetUpload(final TrainerConfig config, final DatasetFiles files) {
        this.config = config;
        this.files = files;
    }

    /**
     * Checks every line, then stores the rows in one transaction, unless this content is already
     * there.
     *
     * @param name the file's name, or null for the file id
     * @param body the file
     * @throws MalformedFileException naming the first {@value #MAX_PROBLEMS} malformed lines
     * @throws IllegalArgumentException for an empty file or an over-long name
     */
    public DatasetFile add(final String name, final byte[] body) {
        final String sha256 = sha256(body);
        final String fileId = "file-" + sha256.substring(0, ID_HEX);
        final String recordedName = name == null || name.isBlank() ? fileId : name.strip();
        if (recordedName.length() > MAX_NAME) {
            throw new IllegalArgumentException(
                    "name is %d characters long; at most %d are allowed"
                            .formatted(recordedName.length(), MAX_NAME));
        }
        final List<TrainingExample> rows = check(recordedName, body);
        if (!config.dataset().accepts(ExpressionScale.BIN_INDEX)) {
            throw new ConflictException(
                    "a DREAM file is on scale bin-index, which this trainer does not accept (dreamloop.trainer.dataset.scales = %s)"
                            .formatted(config.dataset().scales()));
        }
        final DatasetFile added =
                QuarkusTransaction.requiringNew()
                        .call(
                                () ->
                                        files.find(fileId)
                                                .map(
                                                        f ->
                                                                new DatasetFile(
                                                                        fileId, f.name(), f.rows(),
                                                                        true))
                                                .orElseGet(
                                                        () ->
                                                                store(
                                                                        fileId,
                                                                        recordedName,
                                                                        sha256,
                                                                        rows)));
        if (!added.duplicate()) {
            Log.infof("dataset: added %s (%s), %,d rows", fileId, recordedName, rows.size());
            warnIfNotTrainedOn();
        }
        return added;
    }

    private static List<TrainingExample> check(final String name, final byte[] body) {
        final DreamFormat.Checked checked;
        try {
            checked =
                    DreamFormat.check(
                            new BufferedReader(
                                    new StringReader(new String(body, StandardCharsets.UTF_8))),
                            MAX_PROBLEMS);
        } catch (final IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
        if (!checked.wellFormed()) {
            throw new MalformedFileException(name, checked);
        }
        if (checked.rows().isEmpty()) {
            throw new IllegalArgumentException(
                    "%s has no rows; expected sequence<TAB>expression lines".formatted(name));
        }
        return checked.rows();
    }

    private DatasetFile store(
            final String fileId,
            final String name,
            final String sha256,
            final List<TrainingExample> rows) {
        files.add(
                new DatasetFileEntity(fileId, name, sha256, rows.size()),
                rows.stream()
                        .map(
                                r ->
                                        new DatasetFiles.Row(
                                                r.sequence().bases(), r.value(), r.singleton()))
                        .toList(),
                ExpressionScale.BIN_INDEX.wireName(),
                DreamFormat.METHOD.wireName(),
                UUID.nameUUIDFromBytes(sha256.getBytes(StandardCharsets.US_ASCII)));
        return new DatasetFile(fileId, name, rows.size(), false);
    }

    private void warnIfNotTrainedOn() {
        final TrainerConfig.Training t = config.training();
        if (!t.scale().equals(ExpressionScale.BIN_INDEX.wireName())
                || t.method() != DreamFormat.METHOD) {
            Log.warnf(
                    "dataset: DREAM rows are stored on bin-index/%s, but training uses %s/%s: they are kept apart and not trained on",
                    DreamFormat.METHOD.wireName(), t.scale(), t.method().wireName());
        }
    }

    private static String sha256(final byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
