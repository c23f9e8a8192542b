package io.dreamloop.designer.persistence;

import io.dreamloop.platform.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;

/** Designed members found by their sequence; call inside a transaction. */
@ApplicationScoped
public class MemberOrigins {
    private final Database database;

    @Inject
    public MemberOrigins(final Database database) {
        this.database = database;
    }

    /**
     * A member with the library it belongs to.
     *
     * @param member the member
     * @param library its library
     */
    public record Origin(DesignedMemberEntity member, DesignedLibraryEntity library) {}

    /** Members whose variable region is one of {@code variables}, oldest library first. */
    public List<Origin> withVariable(final Collection<String> variables) {
        if (variables.isEmpty()) {
            return List.of();
        }
        return database
                .em()
                .createQuery(
                        "select m, l from DesignedMemberEntity m, DesignedLibraryEntity l"
                                + " where l.libraryId = m.key.libraryId and m.variable in :v"
                                + " order by l.createdAt, l.libraryId, m.ordinal",
                        Object[].class)
                .setParameter("v", variables)
                .getResultList()
                .stream()
                .map(r -> new Origin((DesignedMemberEntity) r[0], (DesignedLibraryEntity) r[1]))
                .toList();
    }

    /** The distinct flank pairs of all libraries, each as {@code [upstream, downstream]}. */
    public List<String[]> flanks() {
        return database
                .em()
                .createQuery(
                        "select distinct l.upstream, l.downstream from DesignedLibraryEntity l",
                        Object[].class)
                .getResultList()
                .stream()
                .map(r -> new String[] {(String) r[0], (String) r[1]})
                .toList();
    }
}
