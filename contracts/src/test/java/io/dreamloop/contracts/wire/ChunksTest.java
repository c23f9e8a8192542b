package io.dreamloop.contracts.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dreamloop.contracts.SampleEvents;
import io.dreamloop.contracts.event.Chunk;
import io.dreamloop.contracts.event.DesignProvenance;
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

class ChunksTest {

    @Test
    void aHundredThousandSequenceLibraryTravelsInChunksUnderTheMessageLimit() {
        final Random random = new Random(2022);
        final List<LibraryMember> members = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            members.add(
                    new LibraryMember(
                            "lib-big-%06d".formatted(i),
                            Subset.RANDOM,
                            null,
                            SampleEvents.randomSequence(random, 80),
                            "random",
                            Map.of("cnn-v1", random.nextDouble() * 17)));
        }
        final List<List<LibraryMember>> parts = Chunks.byJsonSize(members);
        final EventCodec codec = EventCodec.instance();
        final List<LibraryMember> received = new ArrayList<>();
        int largest = 0;
        for (int i = 0; i < parts.size(); i++) {
            final LibraryDesigned event =
                    new LibraryDesigned(
                            EventTypes.header(LibraryDesigned.class, Lineage.ofLibrary("lib-big")),
                            "lib-big",
                            members.size(),
                            Flanks.DREAM_2022,
                            new DesignProvenance("random/1", 2022, null, null),
                            new Chunk(i, parts.size()),
                            parts.get(i));
            final byte[] bytes = codec.encode(event);
            largest = Math.max(largest, bytes.length);
            received.addAll(codec.decode(bytes, LibraryDesigned.class).members());
        }
        assertThat(largest).isLessThan(1024 * 1024).isLessThanOrEqualTo(EventCodec.MAX_EVENT_BYTES);
        assertThat(parts.size()).isBetween(20, 80);
        assertThat(received).isEqualTo(members);
    }

    @Test
    void splitsGreedilyInOrder() {
        final List<List<String>> parts =
                Chunks.bySize(List.of("aa", "bbb", "c", "dddd"), String::length, 5);
        assertThat(parts)
                .containsExactly(List.of("aa"), List.of("bbb"), List.of("c"), List.of("dddd"));
        assertThat(Chunks.bySize(List.of("a", "b", "c"), String::length, 4))
                .containsExactly(List.of("a", "b"), List.of("c"));
        assertThat(Chunks.bySize(List.<String>of(), String::length, 4)).isEmpty();
    }

    @Test
    void anItemLargerThanTheBudgetIsAnError() {
        assertThatThrownBy(() -> Chunks.bySize(List.of("abcdef"), String::length, 4))
                .isInstanceOf(OversizeEventException.class)
                .hasMessage("item 0 alone is 7 bytes, over the chunk budget of 4 bytes");
    }

    @Test
    void encodingRefusesAnOversizeEvent() {
        final Random random = new Random(5);
        final List<LibraryMember> members = new ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            members.add(
                    new LibraryMember(
                            "m" + i,
                            Subset.RANDOM,
                            null,
                            SampleEvents.randomSequence(random, 80),
                            "random",
                            null));
        }
        final LibraryDesigned tooBig =
                new LibraryDesigned(
                        EventTypes.header(LibraryDesigned.class, Lineage.NONE),
                        "lib",
                        members.size(),
                        Flanks.DREAM_2022,
                        new DesignProvenance("random/1", 1, null, null),
                        Chunk.SINGLE,
                        members);
        assertThatThrownBy(() -> EventCodec.instance().encode(tooBig))
                .isInstanceOf(OversizeEventException.class)
                .hasMessageContaining("library-designed event of")
                .hasMessageContaining("split its payload with Chunks");
    }
}
