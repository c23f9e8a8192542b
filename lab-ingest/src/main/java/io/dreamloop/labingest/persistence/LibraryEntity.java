package io.dreamloop.labingest.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A library known to lab-ingest. */
@Entity
@Table(name = "library")
public class LibraryEntity {
    @Id
    @Column(name = "library_id")
    private String libraryId;

    @Column(name = "total_members", nullable = false)
    private int totalMembers;

    @Column(name = "chunk_count", nullable = false)
    private int chunkCount;

    @Column(name = "designer", nullable = false)
    private String designer;

    @Column(name = "seed", nullable = false)
    private long seed;

    @Column(name = "upstream", nullable = false)
    private String upstream;

    @Column(name = "downstream", nullable = false)
    private String downstream;

    @Column(name = "first_seen_at", nullable = false)
    private Instant firstSeenAt;

    protected LibraryEntity() {}

    public LibraryEntity(
            final String libraryId,
            final int totalMembers,
            final int chunkCount,
            final String designer,
            final long seed,
            final String upstream,
            final String downstream) {
        this.libraryId = libraryId;
        this.totalMembers = totalMembers;
        this.chunkCount = chunkCount;
        this.designer = designer;
        this.seed = seed;
        this.upstream = upstream;
        this.downstream = downstream;
        this.firstSeenAt = Instant.now();
    }

    public String libraryId() {
        return libraryId;
    }

    public int totalMembers() {
        return totalMembers;
    }

    public int chunkCount() {
        return chunkCount;
    }

    public String designer() {
        return designer;
    }

    public long seed() {
        return seed;
    }

    public Instant firstSeenAt() {
        return firstSeenAt;
    }

    public String upstream() {
        return upstream;
    }

    public String downstream() {
        return downstream;
    }
}
