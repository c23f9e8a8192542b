package io.dreamloop.trainer.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.wire.EventCodec;
import io.dreamloop.trainer.config.TrainerConfig;
import io.dreamloop.trainer.persistence.MeasurementEntity;
import io.dreamloop.trainer.persistence.ModelRegistry;
import io.dreamloop.trainer.persistence.ModelVersionEntity;
import io.dreamloop.trainer.persistence.SequenceMeasurements;
import io.dreamloop.trainer.persistence.TrainingRunEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where one sequence went in the trainer: its measurements, and each registered version whose run
 * read one of them ({@link TrainingScope}), with the side of the held-out split it was on. Versions
 * registered before the held-out seed and fraction were recorded with them are judged by the
 * current configuration. Call inside a transaction.
 */
@ApplicationScoped
public class SequenceLineage {
    private final SequenceMeasurements measurements;
    private final ModelRegistry registry;
    private final TrainerConfig config;

    @Inject
    public SequenceLineage(
            final SequenceMeasurements measurements,
            final ModelRegistry registry,
            final TrainerConfig config) {
        this.measurements = measurements;
        this.registry = registry;
        this.config = config;
    }

    /** The largest {@code limit} of a search by part of a sequence. */
    public static final int MAX_LIMIT = 1_000;

    /**
     * The lineage of a full measured sequence, or of a DREAM 2022 variable region measured in its
     * oligo: exact matches only.
     *
     * @param sequence the bases; lower case is accepted
     * @throws io.dreamloop.contracts.sequence.InvalidSequenceException naming the bad base
     */
    public SequenceHistory of(final String sequence) {
        final String bases = DnaSequence.parse(sequence).bases();
        return history(bases, measurements.of(bases), 0);
    }

    /**
     * The lineage of every measured sequence that contains {@code part}: the first {@code limit}
     * measurements, oldest first, and how many more there are.
     *
     * @throws IllegalArgumentException when {@code limit} is outside [1, {@value #MAX_LIMIT}]
     */
    public SequenceHistory containing(final String part, final int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "limit must be in [1, %d], but was %d".formatted(MAX_LIMIT, limit));
        }
        final String bases = DnaSequence.parse(part).bases();
        final SequenceMeasurements.Page page = measurements.containing(bases, limit);
        return history(bases, page.measurements(), page.total() - page.measurements().size());
    }

    private SequenceHistory history(
            final String bases, final List<MeasurementEntity> found, final long unlisted) {
        if (found.isEmpty()) {
            return new SequenceHistory(bases, List.of(), List.of(), unlisted);
        }
        final List<TrainingScope.Measured> measured =
                found.stream().map(SequenceLineage::measured).toList();
        final Map<String, TrainingRunEntity> runs =
                registry.runs().stream()
                        .collect(Collectors.toMap(TrainingRunEntity::runId, Function.identity()));
        final List<SequenceHistory.ModelUse> models = new ArrayList<>();
        for (final ModelVersionEntity v : registry.versions()) {
            final TrainingRunEntity run = runs.get(v.trainingRun());
            if (run == null) {
                continue;
            }
            final TrainingScope scope = scope(v, run);
            final List<String> roles =
                    measured.stream().map(scope::role).flatMap(Optional::stream).toList();
            if (!roles.isEmpty()) {
                models.add(
                        new SequenceHistory.ModelUse(
                                v.version(),
                                v.trainingRun(),
                                roles.contains(TrainingScope.TRAINING)
                                        ? TrainingScope.TRAINING
                                        : TrainingScope.HELD_OUT,
                                v.champion(),
                                v.createdAt()));
            }
        }
        return new SequenceHistory(
                bases, found.stream().map(SequenceLineage::measurement).toList(), models, unlisted);
    }

    private TrainingScope scope(final ModelVersionEntity v, final TrainingRunEntity run) {
        final JsonNode data = tree(v.trainingData());
        return new TrainingScope(
                data.path("scale").asText(config.training().scale()),
                data.path("method").asText(config.training().method().wireName()),
                run.campaignId(),
                run.createdAt(),
                data.path("heldOutSeed").asLong(config.training().seed()),
                data.path("validationFraction").asDouble(config.training().validationFraction()));
    }

    private static TrainingScope.Measured measured(final MeasurementEntity m) {
        return new TrainingScope.Measured(
                m.sequence(),
                // As MeasurementStore.trainingRows keys pairs: unique per run.
                m.pairId() == null ? null : m.key().runId() + "/" + m.pairId(),
                m.scale(),
                m.key().method(),
                m.campaignId(),
                m.ofTestLibrary(),
                m.recordedAt());
    }

    private static SequenceHistory.Measurement measurement(final MeasurementEntity m) {
        return new SequenceHistory.Measurement(
                m.key().runId(),
                m.libraryId(),
                m.key().memberId(),
                m.key().method(),
                m.scale(),
                m.value(),
                m.campaignId(),
                m.cycle(),
                m.recordedAt());
    }

    private static JsonNode tree(final String json) {
        try {
            return EventCodec.instance().mapper().readTree(json);
        } catch (final IOException e) {
            throw new UncheckedIOException("stored training data JSON is unreadable", e);
        }
    }
}
