package io.dreamloop.designer.service;

import io.dreamloop.contracts.event.DesignProvenance;
import io.dreamloop.contracts.event.DesignRequested;
import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.event.LibraryDesigned;
import io.dreamloop.contracts.event.LibraryMember;
import io.dreamloop.contracts.topic.Topics;
import io.dreamloop.contracts.wire.ChunkedEvents;
import io.dreamloop.designer.DesignerRelease;
import io.dreamloop.designer.config.DesignerConfig;
import io.dreamloop.designer.constraint.ConstraintCheck;
import io.dreamloop.designer.design.LibraryDesigner;
import io.dreamloop.designer.design.MotifCatalog;
import io.dreamloop.designer.ga.GenerationStats;
import io.dreamloop.designer.persistence.DesignedLibraryEntity;
import io.dreamloop.designer.persistence.LibraryRepository;
import io.dreamloop.platform.messaging.EventPublisher;
import io.dreamloop.platform.messaging.RejectedEventException;
import io.dreamloop.predictor.client.PredictorClient;
import io.dreamloop.predictor.client.ScoringUnavailableException;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Accepts design requests, designs libraries, stores them and publishes them in chunks. */
@ApplicationScoped
public class DesignService {
    private final LibraryRepository libraries;
    private final EventPublisher publisher;
    private final DesignerConfig config;
    private final Provider<PredictorClient> predictor;
    private final Event<LibraryFailed> failures;
    private final DesignMetrics metrics;
    private MotifCatalog motifs;

    @Inject
    public DesignService(
            final LibraryRepository libraries,
            final EventPublisher publisher,
            final DesignerConfig config,
            final Provider<PredictorClient> predictor,
            final Event<LibraryFailed> failures,
            final DesignMetrics metrics) {
        this.failures = failures;
        this.metrics = metrics;
        this.libraries = libraries;
        this.publisher = publisher;
        this.config = config;
        this.predictor = predictor;
    }

    /**
     * Checks a request before it is accepted: size, supported subsets, satisfiable constraints.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public void validate(final DesignRequested request) {
        if (request.totalSequences() > config.limits().maxLibrarySize()) {
            throw new IllegalArgumentException(
                    "library of %,d sequences exceeds the limit of %,d"
                            .formatted(request.totalSequences(), config.limits().maxLibrarySize()));
        }
        new ConstraintCheck(request.constraints(), request.flanks())
                .requireSatisfiable(request.variableLength());
        LibraryDesigner.checkOptions(request);
    }

    /**
     * Publishes an accepted request; the design itself happens when it is consumed.
     *
     * @throws LibraryIdTakenException when a library of that id exists (a request still in flight
     *     under the same id is refused when it is consumed)
     */
    public void submit(final DesignRequested request) {
        validate(request);
        QuarkusTransaction.joiningExisting()
                .run(
                        () ->
                                libraries
                                        .find(request.libraryId())
                                        .ifPresent(
                                                l -> {
                                                    throw new LibraryIdTakenException(
                                                            l.libraryId(), l.requestedEvent());
                                                }));
        publisher.publish(Topics.DESIGN_REQUESTED, request);
    }

    /**
     * Designs, stores and publishes the library of a consumed request; runs in the consumer's
     * transaction. A request the constraints cannot meet is stored as failed, with the reason.
     *
     * @throws RejectedEventException when the library id is taken by another request
     */
    public void design(final DesignRequested request) {
        final var existing = libraries.find(request.libraryId());
        if (existing.isPresent()) {
            throw new RejectedEventException(
                    "library '%s' already exists (from request %s)"
                            .formatted(request.libraryId(), existing.get().requestedEvent()));
        }
        final DesignedLibraryEntity library =
                new DesignedLibraryEntity(
                        request.libraryId(),
                        request.header().eventId(),
                        request.seed(),
                        request.variableLength(),
                        request.flanks().upstream().bases(),
                        request.flanks().downstream().bases(),
                        DesignerRelease.NAME);
        final List<LibraryMember> members;
        try {
            validate(request);
            members = designMembers(request);
        } catch (final IllegalArgumentException | ScoringUnavailableException e) {
            library.failed(e.getMessage());
            libraries.add(library);
            failures.fire(new LibraryFailed(request, e.getMessage()));
            metrics.failed(request);
            Log.warnf("library %s failed: %s", request.libraryId(), e.getMessage());
            return;
        }
        final List<LibraryDesigned> events = chunks(request, members);
        // Final state before members are written: writing them flushes and detaches entities.
        library.designed(members.size(), events.size());
        libraries.add(library);
        libraries.addMembers(request.libraryId(), members);
        // Inside the transaction: if the commit fails, the retry re-designs the same library from
        // the same seed and re-publishes the same event ids, which consumers drop as duplicates.
        publisher.publishAll(Topics.LIBRARY_DESIGNED, events);
        metrics.designed(request, members);
        Log.infof(
                "library %s: %,d members published in %d chunks",
                request.libraryId(), members.size(), events.size());
    }

    /**
     * Runs the designer; model-guided subsets score through the predictor over Kafka with the
     * instance's one client ({@link PredictorClients}), connected when first needed.
     */
    private List<LibraryMember> designMembers(final DesignRequested request) {
        final LibraryDesigner designer =
                new LibraryDesigner(
                        new LibraryDesigner.Context(
                                config.limits().drawsPerSequence(),
                                this::motifs,
                                versions ->
                                        new PredictorScorer(
                                                predictor.get(),
                                                request.flanks(),
                                                versions,
                                                config.scoring().requestSize(),
                                                config.scoring().timeout()),
                                stats -> logGeneration(request, stats)));
        return designer.design(request);
    }

    private void logGeneration(final DesignRequested request, final GenerationStats stats) {
        metrics.generation(stats);
        Log.infof(
                "library %s: %s run %d generation %d: mean %.3f, top decile %.3f, %,d scored",
                request.libraryId(),
                stats.method(),
                stats.run(),
                stats.generation(),
                stats.mean(),
                stats.topDecile(),
                stats.scored());
    }

    private synchronized MotifCatalog motifs() {
        if (motifs == null) {
            motifs = MotifCatalog.load(config.motifs().files().stream().map(Path::of).toList());
        }
        return motifs;
    }

    private static List<LibraryDesigned> chunks(
            final DesignRequested request, final List<LibraryMember> members) {
        final DesignProvenance provenance =
                new DesignProvenance(
                        DesignerRelease.NAME,
                        request.seed(),
                        null,
                        Map.of(
                                "variableLength", String.valueOf(request.variableLength()),
                                "constraints", request.constraints().toString()));
        return ChunkedEvents.of(
                members,
                EventTypes.LIBRARY_DESIGNED,
                request.header().lineage().withLibrary(request.libraryId()),
                request.libraryId(),
                (header, chunk, items) ->
                        new LibraryDesigned(
                                header,
                                request.libraryId(),
                                members.size(),
                                request.flanks(),
                                provenance,
                                chunk,
                                items));
    }
}
