package io.dreamloop.labingest.persistence;

import io.dreamloop.contracts.event.LibraryDesigned;
import io.dreamloop.contracts.event.LibraryMember;
import io.dreamloop.labingest.config.LabIngestConfig;
import io.dreamloop.platform.messaging.RejectedEventException;
import io.dreamloop.platform.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Stores libraries chunk by chunk; call inside a transaction. */
@ApplicationScoped
public class LibraryStore {
    private static final int FLUSH_EVERY = 500;

    private final Database database;
    private final LabIngestConfig config;

    @Inject
    public LibraryStore(final Database database, final LabIngestConfig config) {
        this.database = database;
        this.config = config;
    }

    /**
     * Stores one chunk. A chunk already stored (a re-sent chunk with a new event id) changes
     * nothing.
     *
     * @return true if the chunk was new
     * @throws RejectedEventException when the chunk contradicts what is stored for the library
     */
    public boolean store(final LibraryDesigned event) {
        final EntityManager em = database.em();
        if (event.totalMembers() > config.libraries().maxMembers()) {
            throw new RejectedEventException(
                    "library '%s' has %,d members, over the limit of %,d"
                            .formatted(
                                    event.libraryId(),
                                    event.totalMembers(),
                                    config.libraries().maxMembers()));
        }
        ensureLibrary(em, event);
        final LibraryChunkEntity.Key chunkKey =
                new LibraryChunkEntity.Key(event.libraryId(), event.chunk().index());
        if (em.find(LibraryChunkEntity.class, chunkKey) != null) {
            return false;
        }
        em.persist(
                new LibraryChunkEntity(chunkKey, event.members().size(), event.header().eventId()));
        persistMembers(em, event);
        return true;
    }

    /**
     * Creates the library at its first chunk; refuses a chunk that contradicts the earlier ones.
     */
    private static void ensureLibrary(final EntityManager em, final LibraryDesigned event) {
        final LibraryEntity library = em.find(LibraryEntity.class, event.libraryId());
        if (library == null) {
            em.persist(
                    new LibraryEntity(
                            event.libraryId(),
                            event.totalMembers(),
                            event.chunk().count(),
                            event.provenance().designer(),
                            event.provenance().seed(),
                            event.flanks().upstream().bases(),
                            event.flanks().downstream().bases()));
        } else if (library.totalMembers() != event.totalMembers()
                || library.chunkCount() != event.chunk().count()) {
            throw new RejectedEventException(
                    "chunk %d of library '%s' says %d members in %d chunks, but earlier chunks said %d in %d"
                            .formatted(
                                    event.chunk().index(),
                                    event.libraryId(),
                                    event.totalMembers(),
                                    event.chunk().count(),
                                    library.totalMembers(),
                                    library.chunkCount()));
        }
    }

    /** Persists a chunk's members, flushing in batches to keep the session small. */
    private static void persistMembers(final EntityManager em, final LibraryDesigned event) {
        int n = 0;
        for (final LibraryMember m : event.members()) {
            em.persist(
                    new LibraryMemberEntity(
                            new LibraryMemberEntity.Key(event.libraryId(), m.id()),
                            m.subset().wireName(),
                            m.pairId(),
                            m.variable().bases(),
                            m.method()));
            if (++n % FLUSH_EVERY == 0) {
                em.flush();
                em.clear();
            }
        }
    }

    /** What is known of a library. */
    public Optional<LibraryStatus> status(final String libraryId) {
        final EntityManager em = database.em();
        final LibraryEntity library = em.find(LibraryEntity.class, libraryId);
        if (library == null) {
            return Optional.empty();
        }
        final long members =
                em.createQuery(
                                "select count(m) from LibraryMemberEntity m where m.key.libraryId = :id",
                                Long.class)
                        .setParameter("id", libraryId)
                        .getSingleResult();
        final long chunks =
                em.createQuery(
                                "select count(c) from LibraryChunkEntity c where c.key.libraryId = :id",
                                Long.class)
                        .setParameter("id", libraryId)
                        .getSingleResult();
        return Optional.of(
                new LibraryStatus(
                        libraryId,
                        library.totalMembers(),
                        members,
                        library.chunkCount(),
                        chunks,
                        members == library.totalMembers() && chunks == library.chunkCount(),
                        library.designer(),
                        library.seed()));
    }

    /**
     * Records the in-silico lab's truth of members of a stored library.
     *
     * @param memberIds the members
     * @param truth each member's noiseless expression, in member order
     */
    public void recordTruth(
            final String libraryId, final List<String> memberIds, final double[] truth) {
        if (memberIds.size() != truth.length) {
            throw new IllegalArgumentException(
                    "%d members but %d truths".formatted(memberIds.size(), truth.length));
        }
        final EntityManager em = database.em();
        for (int i = 0; i < truth.length; i++) {
            em.createNativeQuery(
                            "update library_member set truth = ?1 where library_id = ?2 and member_id = ?3")
                    .setParameter(1, truth[i])
                    .setParameter(2, libraryId)
                    .setParameter(3, memberIds.get(i))
                    .executeUpdate();
        }
    }

    /**
     * The flanks and variable-region length of a stored library.
     *
     * @param upstream the 5' flank
     * @param downstream the 3' flank
     * @param variableLength the variable region's length (of its first member: the designer makes
     *     every member of a library the same length)
     */
    public record Flanks(String upstream, String downstream, int variableLength) {}

    /** A stored library's flanks and variable length, if it is stored. */
    public Optional<Flanks> flanks(final String libraryId) {
        final LibraryEntity library = database.em().find(LibraryEntity.class, libraryId);
        if (library == null) {
            return Optional.empty();
        }
        final List<String> variables =
                database.em()
                        .createQuery(
                                "select m.variable from LibraryMemberEntity m where m.key.libraryId = :id",
                                String.class)
                        .setParameter("id", libraryId)
                        .setMaxResults(1)
                        .getResultList();
        return Optional.of(
                new Flanks(
                        library.upstream(),
                        library.downstream(),
                        variables.isEmpty() ? 0 : variables.getFirst().length()));
    }

    /** Ids of all known libraries, newest first. */
    public List<String> libraryIds() {
        return database.em()
                .createQuery(
                        "select l.libraryId from LibraryEntity l order by l.firstSeenAt desc",
                        String.class)
                .getResultList();
    }
}
