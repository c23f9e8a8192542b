package io.dreamloop.contracts.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dreamloop.contracts.SampleEvents;
import io.dreamloop.contracts.event.Chunk;
import io.dreamloop.contracts.event.DesignProvenance;
import io.dreamloop.contracts.event.EventHeader;
import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.event.LibraryDesigned;
import io.dreamloop.contracts.event.LibraryMember;
import io.dreamloop.contracts.event.Lineage;
import io.dreamloop.contracts.sequence.Flanks;
import io.dreamloop.contracts.sequence.Subset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkedEventsTest {

    private static final Lineage LINEAGE = Lineage.ofLibrary("lib-big");

    private static List<LibraryMember> members(final int n) {
        final Random random = new Random(2022);
        final List<LibraryMember> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            members.add(
                    new LibraryMember(
                            "lib-big-%06d".formatted(i),
                            Subset.RANDOM,
                            null,
                            SampleEvents.randomSequence(random, 80),
                            "random",
                            Map.of()));
        }
        return members;
    }

    private static List<LibraryDesigned> events(final List<LibraryMember> members) {
        return ChunkedEvents.of(
                members,
                EventTypes.LIBRARY_DESIGNED,
                LINEAGE,
                "lib-big",
                (header, chunk, items) ->
                        new LibraryDesigned(
                                header,
                                "lib-big",
                                members.size(),
                                Flanks.DREAM_2022,
                                new DesignProvenance("random/1", 2022, null, null),
                                chunk,
                                items));
    }

    @Test
    void oneEventPerChunkInOrderWithEveryItemOnce() {
        final List<LibraryMember> members = members(20_000);
        final List<LibraryDesigned> events = events(members);
        assertThat(events).hasSizeGreaterThan(1);
        final List<LibraryMember> received = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).chunk()).isEqualTo(new Chunk(i, events.size()));
            assertThat(EventCodec.instance().encode(events.get(i)).length)
                    .isLessThanOrEqualTo(EventCodec.MAX_EVENT_BYTES);
            received.addAll(events.get(i).members());
        }
        assertThat(received).isEqualTo(members);
    }

    @Test
    void headersAreDeterministicAndNamedByChunk() {
        final List<LibraryDesigned> events = events(members(20_000));
        final int n = events.size();
        final EventHeader first = events.getFirst().header();
        assertThat(first.eventId())
                .isEqualTo(
                        EventHeader.deterministic(
                                        EventTypes.LIBRARY_DESIGNED.name(),
                                        EventTypes.LIBRARY_DESIGNED.schemaVersion(),
                                        LINEAGE,
                                        "lib-big/0/" + n)
                                .eventId());
        assertThat(first.lineage()).isEqualTo(LINEAGE);
        assertThat(events(members(20_000)).getLast().header().eventId())
                .isEqualTo(events.getLast().header().eventId())
                .isNotEqualTo(first.eventId());
    }

    @Test
    void anEmptyPayloadHasNoEvents() {
        assertThat(events(List.of())).isEmpty();
    }

    @Test
    void refusesAnItemOverTheBudget() {
        assertThatThrownBy(
                        () ->
                                ChunkedEvents.of(
                                        List.of("x".repeat(Chunks.DEFAULT_PAYLOAD_BUDGET + 1)),
                                        EventTypes.LIBRARY_DESIGNED,
                                        LINEAGE,
                                        "big",
                                        (header, chunk, items) -> (LibraryDesigned) null))
                .isInstanceOf(OversizeEventException.class);
    }
}
