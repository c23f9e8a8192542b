package io.dreamloop.predictor.messaging;

import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.event.ScoreError;
import io.dreamloop.contracts.event.ScoreItem;
import io.dreamloop.contracts.event.ScoreRequested;
import io.dreamloop.contracts.event.ScoreResult;
import io.dreamloop.contracts.event.ScoresComputed;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.platform.messaging.EventPublisher;
import io.dreamloop.platform.messaging.InboundEvents;
import io.dreamloop.platform.trace.TraceIds;
import io.dreamloop.predictor.model.SequenceEncoding;
import io.dreamloop.predictor.scoring.Scored;
import io.dreamloop.predictor.scoring.ScorerPool;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Answers score requests in micro-batches: each poll (up to {@code max.poll.records} requests,
 * waiting at most {@code fetch.max.wait.ms}) is grouped by requested model version and scored in
 * forward passes of the configured batch size; each request gets a scores-computed event with its
 * correlation id and chunk, naming the version that scored it. An item that cannot be encoded (too
 * short to pad) gets an error in the answer and the rest is scored; an unreadable request (not
 * JSON, invalid bases) is dead-lettered. Scoring has no side effect, so a redelivered request is
 * simply answered again.
 */
@ApplicationScoped
public class ScoreRequestedConsumer {
    /** The channel, bound to {@code dreamloop.score-requested} in application.properties. */
    public static final String CHANNEL = "score-requested";

    private final InboundEvents inbound;
    private final ScorerPool scorers;
    private final EventPublisher publisher;

    @Inject
    public ScoreRequestedConsumer(
            final InboundEvents inbound, final ScorerPool scorers, final EventPublisher publisher) {
        this.inbound = inbound;
        this.scorers = scorers;
        this.publisher = publisher;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(final ConsumerRecords<String, byte[]> records) {
        final Map<String, List<Request>> byVersion = new LinkedHashMap<>();
        for (final ConsumerRecord<String, byte[]> record : records) {
            inbound.decode(record, ScoreRequested.class)
                    .ifPresent(
                            r ->
                                    byVersion
                                            .computeIfAbsent(
                                                    Objects.requireNonNullElse(
                                                            r.modelVersion(), ""),
                                                    v -> new ArrayList<>())
                                            .add(new Request(record, r)));
        }
        final List<ScoresComputed> answers = new ArrayList<>();
        for (final Map.Entry<String, List<Request>> group : byVersion.entrySet()) {
            final List<DnaSequence> sequences = new ArrayList<>();
            group.getValue()
                    .forEach(
                            r ->
                                    r.event().items().stream()
                                            .filter(
                                                    i ->
                                                            SequenceEncoding.DREAM_2022
                                                                    .problem(i.sequence())
                                                                    .isEmpty())
                                            .forEach(i -> sequences.add(i.sequence())));
            final Scored scored;
            try {
                scored = scorers.score(group.getKey().isEmpty() ? null : group.getKey(), sequences);
            } catch (final RuntimeException e) {
                group.getValue().forEach(r -> inbound.reject(r.record(), e.getMessage()));
                continue;
            }
            final float[] mean = scored.predictions().mean();
            int offset = 0;
            for (final Request r : group.getValue()) {
                final List<ScoreResult> results = new ArrayList<>(r.event().items().size());
                final List<ScoreError> errors = new ArrayList<>();
                for (final ScoreItem item : r.event().items()) {
                    final var problem = SequenceEncoding.DREAM_2022.problem(item.sequence());
                    if (problem.isPresent()) {
                        errors.add(new ScoreError(item.id(), problem.get()));
                    } else {
                        results.add(new ScoreResult(item.id(), mean[offset++]));
                    }
                }
                // A poll mixes requests of many traces: each answer continues its request's.
                answers.add(
                        new ScoresComputed(
                                EventTypes.header(
                                                ScoresComputed.class,
                                                r.event()
                                                        .header()
                                                        .lineage()
                                                        .withModelVersion(scored.modelVersion()))
                                        .withTraceId(TraceIds.of(r.event().header())),
                                r.event().correlationId(),
                                scored.modelVersion(),
                                r.event().chunk(),
                                results,
                                errors));
            }
        }
        publisher.publishAll(Topics.SCORES_COMPUTED, answers);
    }

    private record Request(ConsumerRecord<String, byte[]> record, ScoreRequested event) {}
}
