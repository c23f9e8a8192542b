package io.dreamloop.designer.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A library and the provenance that makes it again. */
@Entity
@Table(name = "designed_library")
public class DesignedLibraryEntity {
    @Id
    @Column(name = "library_id")
    private String libraryId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private LibraryState status;

    @Column(name = "requested_event", nullable = false)
    private UUID requestedEvent;

    @Column(name = "seed", nullable = false)
    private long seed;

    @Column(name = "variable_length", nullable = false)
    private int variableLength;

    @Column(name = "upstream", nullable = false)
    private String upstream;

    @Column(name = "downstream", nullable = false)
    private String downstream;

    @Column(name = "designer", nullable = false)
    private String designer;

    @Column(name = "total_members", nullable = false)
    private int totalMembers;

    @Column(name = "chunk_count", nullable = false)
    private int chunkCount;

    @Column(name = "failure")
    private String failure;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected DesignedLibraryEntity() {}

    public DesignedLibraryEntity(
            final String libraryId,
            final UUID requestedEvent,
            final long seed,
            final int variableLength,
            final String upstream,
            final String downstream,
            final String designer) {
        this.libraryId = libraryId;
        this.requestedEvent = requestedEvent;
        this.seed = seed;
        this.variableLength = variableLength;
        this.upstream = upstream;
        this.downstream = downstream;
        this.designer = designer;
        this.createdAt = Instant.now();
        this.status = LibraryState.FAILED;
        this.failure = "not designed yet";
    }

    public void designed(final int members, final int chunks) {
        this.status = LibraryState.DESIGNED;
        this.totalMembers = members;
        this.chunkCount = chunks;
        this.failure = null;
    }

    public void failed(final String reason) {
        this.status = LibraryState.FAILED;
        this.failure = reason.length() > 4000 ? reason.substring(0, 4000) : reason;
    }

    public String libraryId() {
        return libraryId;
    }

    public LibraryState status() {
        return status;
    }

    public UUID requestedEvent() {
        return requestedEvent;
    }

    public long seed() {
        return seed;
    }

    public int variableLength() {
        return variableLength;
    }

    public String upstream() {
        return upstream;
    }

    public String downstream() {
        return downstream;
    }

    public String designer() {
        return designer;
    }

    public int totalMembers() {
        return totalMembers;
    }

    public int chunkCount() {
        return chunkCount;
    }

    public String failure() {
        return failure;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
