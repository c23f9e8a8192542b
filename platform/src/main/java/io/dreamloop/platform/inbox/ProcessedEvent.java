package io.dreamloop.platform.inbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One applied event. Written in the same transaction as the event's effect. */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent {
    @Id
    @Column(name = "event_id")
    private UUID eventId;

    @Column(name = "event_type", nullable = false)
    private String eventType;

    @Column(name = "topic", nullable = false)
    private String topic;

    @Column(name = "processed_at", nullable = false)
    private Instant processedAt;

    protected ProcessedEvent() {}

    public ProcessedEvent(final UUID eventId, final String eventType, final String topic) {
        this.eventId = eventId;
        this.eventType = eventType;
        this.topic = topic;
        this.processedAt = Instant.now();
    }

    public UUID eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }

    public String topic() {
        return topic;
    }

    public Instant processedAt() {
        return processedAt;
    }
}
