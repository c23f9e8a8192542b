package io.dreamloop.labingest.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/** One member of a library, as designed. */
@Entity
@Table(name = "library_member")
public class LibraryMemberEntity {

    /** Library id and member id. */
    @Embeddable
    public record Key(
            @Column(name = "library_id") String libraryId,
            @Column(name = "member_id") String memberId)
            implements Serializable {}

    @EmbeddedId private Key key;

    @Column(name = "subset", nullable = false)
    private String subset;

    @Column(name = "pair_id")
    private String pairId;

    @Column(name = "variable", nullable = false)
    private String variable;

    @Column(name = "method", nullable = false)
    private String method;

    protected LibraryMemberEntity() {}

    public LibraryMemberEntity(
            final Key key,
            final String subset,
            final String pairId,
            final String variable,
            final String method) {
        this.key = key;
        this.subset = subset;
        this.pairId = pairId;
        this.variable = variable;
        this.method = method;
    }

    public Key key() {
        return key;
    }

    public String subset() {
        return subset;
    }

    public String pairId() {
        return pairId;
    }

    public String variable() {
        return variable;
    }
}
