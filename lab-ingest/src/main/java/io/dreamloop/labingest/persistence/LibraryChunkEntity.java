package io.dreamloop.labingest.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One received chunk of a library; its key makes a re-sent chunk a no-op. */
@Entity
@Table(name = "library_chunk")
public class LibraryChunkEntity {

    /** Library id and chunk index. */
    @Embeddable
    public record Key(
            @Column(name = "library_id") String libraryId,
            @Column(name = "chunk_index") int chunkIndex)
            implements Serializable {}

    @EmbeddedId private Key key;

    @Column(name = "members", nullable = false)
    private int members;

    @Column(name = "event_id", nullable = false)
    private UUID eventId;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected LibraryChunkEntity() {}

    public LibraryChunkEntity(final Key key, final int members, final UUID eventId) {
        this.key = key;
        this.members = members;
        this.eventId = eventId;
        this.receivedAt = Instant.now();
    }

    public Key key() {
        return key;
    }

    public int members() {
        return members;
    }
}
