package io.dreamloop.designer.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/** One designed member, in library order. */
@Entity
@Table(name = "designed_member")
public class DesignedMemberEntity {

    /** Library id and member id. */
    @Embeddable
    public record Key(
            @Column(name = "library_id") String libraryId,
            @Column(name = "member_id") String memberId)
            implements Serializable {}

    @EmbeddedId private Key key;

    @Column(name = "ordinal", nullable = false)
    private int ordinal;

    @Column(name = "subset", nullable = false)
    private String subset;

    @Column(name = "pair_id")
    private String pairId;

    @Column(name = "variable", nullable = false)
    private String variable;

    @Column(name = "method", nullable = false)
    private String method;

    @Column(name = "predictions", nullable = false)
    private String predictions;

    @Column(name = "provenance", nullable = false)
    private String provenance;

    protected DesignedMemberEntity() {}

    public DesignedMemberEntity(
            final Key key,
            final int ordinal,
            final String subset,
            final String pairId,
            final String variable,
            final String method,
            final String predictions,
            final String provenance) {
        this.key = key;
        this.ordinal = ordinal;
        this.subset = subset;
        this.pairId = pairId;
        this.variable = variable;
        this.method = method;
        this.predictions = predictions;
        this.provenance = provenance;
    }

    public Key key() {
        return key;
    }

    public int ordinal() {
        return ordinal;
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

    public String method() {
        return method;
    }

    /** Predictions as {@code model=value;...}, sorted by model. */
    public String predictions() {
        return predictions;
    }

    /** Provenance as {@code key=value;...}, sorted by key. */
    public String provenance() {
        return provenance;
    }
}
