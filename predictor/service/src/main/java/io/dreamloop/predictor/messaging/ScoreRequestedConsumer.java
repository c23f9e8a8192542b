package io.dreamloop.predictor.messaging;

import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.event.ScoreError;
import io.dreamloop.contracts.event.ScoreItem;
import io.dreamloop.contracts.event.ScoreRequested;
import io.dreamloop.contracts.event.ScoreResult;
import io.dreamloop.contracts.event.ScoresComputed;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.topic.ReplyPartition;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.platform.messaging.ConsumedBatch;
import io.dreamloop.platform.messaging.EventPublisher;
import io.dreamloop.platform.messaging.InboundEvents;
import io.dreamloop.platform.messaging.Outgoing;
import io.dreamloop.platform.messaging.TransactionalPublisher;
import io.dreamloop.platform.trace.TraceIds;
import io.dreamloop.predictor.model.SequenceEncoding;
import io.dreamloop.predictor.scoring.Scored;
import io.dreamloop.predictor.scoring.ScorerPool;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Answers score requests in micro-batches: each poll (up to {@code max.poll.records} requests,
 * waiting at most {@code fetch.max.wait.ms}) is grouped by requested model version and scored in
 * forward passes of the configured batch size; each request gets a scores-computed event with its
 * correlation id and chunk, naming the version that scored it. The answer goes to the partition the
 * request names in its {@link ReplyPartition#HEADER} header (the requester reads only that one), or
 * to its key's partition when it names none. An item that cannot be encoded (too short to pad) gets
 * an error in the answer and the rest is scored; an unreadable request (not JSON, invalid bases, a
 * reply partition that does not exist) is dead-lettered.
 *
 * <p>Answers are exactly once: a batch's answers and its requests' offsets commit in one Kafka
 * transaction ({@link TransactionalPublisher}), in the consumer group generation the partitions are
 * held in ({@link ScoreRequestedMembership}). When an instance dies, its open transaction is
 * aborted and the instance that takes its partitions over answers from the last commit; readers of
 * scores-computed read committed answers only. Dead letters are published outside the transaction:
 * a request dead-lettered in a batch that is then re-read is dead-lettered again.
 */
@ApplicationScoped
public class ScoreRequestedConsumer {
    /** The channel, bound to {@code dreamloop.score-requested} in application.properties. */
    public static final String CHANNEL = "score-requested";

    private final InboundEvents inbound;
    private final ScorerPool scorers;
    private final EventPublisher publisher;
    private final TransactionalPublisher transactions;
    private final ScoreRequestedMembership membership;

    @Inject
    public ScoreRequestedConsumer(
            final InboundEvents inbound,
            final ScorerPool scorers,
            final EventPublisher publisher,
            final TransactionalPublisher transactions,
            @Identifier(ScoreRequestedMembership.NAME) final ScoreRequestedMembership membership) {
        this.inbound = inbound;
        this.scorers = scorers;
        this.publisher = publisher;
        this.transactions = transactions;
        this.membership = membership;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(final ConsumerRecords<String, byte[]> polled) {
        final ConsumedBatch<String, byte[]> batch = membership.admit(polled);
        if (batch.isEmpty()) {
            return;
        }
        final int replyPartitions = publisher.partitions(Topics.SCORES_COMPUTED);
        final Map<String, List<Request>> byVersion = new LinkedHashMap<>();
        for (final ConsumerRecord<String, byte[]> record : batch.records()) {
            read(record, replyPartitions)
                    .ifPresent(
                            r ->
                                    byVersion
                                            .computeIfAbsent(r.version(), v -> new ArrayList<>())
                                            .add(r));
        }
        final List<Outgoing> answers = new ArrayList<>();
        byVersion.forEach((version, group) -> answers.addAll(answer(version, group)));
        if (transactions.publish(Topics.SCORES_COMPUTED, answers, batch)
                == TransactionalPublisher.Result.COMMITTED) {
            membership.committed(batch);
        }
    }

    /** A request and where it wants its answer; empty (and dead-lettered) when unreadable. */
    private Optional<Request> read(
            final ConsumerRecord<String, byte[]> record, final int replyPartitions) {
        final Optional<ScoreRequested> event = inbound.decode(record, ScoreRequested.class);
        if (event.isEmpty()) {
            return Optional.empty();
        }
        final Header header = record.headers().lastHeader(ReplyPartition.HEADER);
        try {
            final Optional<ReplyPartition> reply =
                    ReplyPartition.parse(header == null ? null : header.value())
                            .map(p -> p.requireWithin(replyPartitions));
            return Optional.of(new Request(record, event.get(), reply));
        } catch (final IllegalArgumentException e) {
            inbound.reject(record, e.getMessage());
            return Optional.empty();
        }
    }

    /** Scores one version's requests in one pass; each request gets its answer. */
    private List<Outgoing> answer(final String version, final List<Request> group) {
        final List<DnaSequence> sequences = new ArrayList<>();
        group.forEach(
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
            scored = scorers.score(version.isEmpty() ? null : version, sequences);
        } catch (final RuntimeException e) {
            group.forEach(r -> inbound.reject(r.record(), e.getMessage()));
            return List.of();
        }
        final float[] mean = scored.predictions().mean();
        final List<Outgoing> answers = new ArrayList<>(group.size());
        int offset = 0;
        for (final Request r : group) {
            final ScoresComputed answer = answer(r.event(), scored.modelVersion(), mean, offset);
            offset += answer.scores().size();
            answers.add(r.route(answer));
        }
        return answers;
    }

    /** The answer to one request, its scores read from {@code mean} from {@code offset} on. */
    private static ScoresComputed answer(
            final ScoreRequested request,
            final String modelVersion,
            final float[] mean,
            final int offset) {
        final List<ScoreResult> results = new ArrayList<>(request.items().size());
        final List<ScoreError> errors = new ArrayList<>();
        for (final ScoreItem item : request.items()) {
            final Optional<String> problem = SequenceEncoding.DREAM_2022.problem(item.sequence());
            if (problem.isPresent()) {
                errors.add(new ScoreError(item.id(), problem.get()));
            } else {
                results.add(new ScoreResult(item.id(), mean[offset + results.size()]));
            }
        }
        // A poll mixes requests of many traces: each answer continues its request's.
        return new ScoresComputed(
                EventTypes.header(
                                ScoresComputed.class,
                                request.header().lineage().withModelVersion(modelVersion))
                        .withTraceId(TraceIds.of(request.header())),
                request.correlationId(),
                modelVersion,
                request.chunk(),
                results,
                errors);
    }

    /**
     * A decoded request.
     *
     * @param record the record it came in
     * @param event the request
     * @param reply the partition it asked its answer on, if it named one
     */
    private record Request(
            ConsumerRecord<String, byte[]> record,
            ScoreRequested event,
            Optional<ReplyPartition> reply) {

        /** The model version asked for; empty for the champion. */
        String version() {
            return Objects.requireNonNullElse(event.modelVersion(), "");
        }

        /** The answer bound for the partition the request named, or for its key's. */
        Outgoing route(final ScoresComputed answer) {
            return reply.map(p -> Outgoing.toPartition(answer, p.partition()))
                    .orElseGet(() -> Outgoing.byKey(answer));
        }
    }
}
