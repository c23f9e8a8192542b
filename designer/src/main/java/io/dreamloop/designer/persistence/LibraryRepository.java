package io.dreamloop.designer.persistence;

import io.dreamloop.contracts.event.LibraryMember;
import io.dreamloop.platform.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Libraries and members; call inside a transaction. */
@ApplicationScoped
public class LibraryRepository {
    private static final int FLUSH_EVERY = 500;

    private final Database database;

    @Inject
    public LibraryRepository(final Database database) {
        this.database = database;
    }

    public Optional<DesignedLibraryEntity> find(final String libraryId) {
        return Optional.ofNullable(database.em().find(DesignedLibraryEntity.class, libraryId));
    }

    public void add(final DesignedLibraryEntity library) {
        database.em().persist(library);
    }

    public void addMembers(final String libraryId, final List<LibraryMember> members) {
        final EntityManager em = database.em();
        for (int i = 0; i < members.size(); i++) {
            final LibraryMember m = members.get(i);
            em.persist(
                    new DesignedMemberEntity(
                            new DesignedMemberEntity.Key(libraryId, m.id()),
                            i,
                            m.subset().wireName(),
                            m.pairId(),
                            m.variable().bases(),
                            m.method(),
                            joined(m.predictions()),
                            joined(m.provenance())));
            if ((i + 1) % FLUSH_EVERY == 0) {
                em.flush();
                em.clear();
            }
        }
        em.flush();
    }

    /** Members in library order. */
    public List<DesignedMemberEntity> members(final String libraryId) {
        return database.em()
                .createQuery(
                        "select m from DesignedMemberEntity m where m.key.libraryId = :id order by m.ordinal",
                        DesignedMemberEntity.class)
                .setParameter("id", libraryId)
                .getResultList();
    }

    /** Member counts per subset. */
    public Map<String, Long> countsBySubset(final String libraryId) {
        return database
                .em()
                .createQuery(
                        "select m.subset, count(m) from DesignedMemberEntity m where m.key.libraryId = :id group by m.subset",
                        Object[].class)
                .setParameter("id", libraryId)
                .getResultList()
                .stream()
                .collect(Collectors.toMap(r -> (String) r[0], r -> (Long) r[1]));
    }

    /** {@code key=value;...} sorted by key, the stored form of a member's maps. */
    static String joined(final Map<String, ?> values) {
        return new TreeMap<>(values)
                .entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(";"));
    }
}
