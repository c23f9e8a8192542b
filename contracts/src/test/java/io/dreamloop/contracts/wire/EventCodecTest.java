package io.dreamloop.contracts.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dreamloop.contracts.SampleEvents;
import io.dreamloop.contracts.event.DesignRequested;
import io.dreamloop.contracts.event.Event;
import io.dreamloop.contracts.event.LibraryDesigned;
import io.dreamloop.contracts.event.SortSeqRunSubmitted;
import org.junit.jupiter.api.Test;

class EventCodecTest {
    private final EventCodec codec = EventCodec.instance();

    @Test
    void everyEventTypeRoundTrips() {
        for (final Event event : SampleEvents.all(7)) {
            final byte[] bytes = codec.encode(event);
            assertThat(codec.decode(bytes, event.getClass())).isEqualTo(event);
        }
    }

    @Test
    void unknownFieldsFromNewerProducersAreIgnored() {
        final Event event = SampleEvents.all(1).get(0);
        final String json = codec.encodeToString(event).replaceFirst("\\{", "{\"addedLater\":1,");
        assertThat(codec.decode(json, DesignRequested.class)).isEqualTo(event);
    }

    @Test
    void notJson() {
        assertThatThrownBy(() -> codec.decode("{oops", LibraryDesigned.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageStartingWith("payload is not valid JSON");
        assertThatThrownBy(() -> codec.decode("", LibraryDesigned.class))
                .hasMessage("empty payload; expected a library-designed");
    }

    @Test
    void wrongEventTypeOnTopic() {
        final String json = codec.encodeToString(SampleEvents.all(1).get(0));
        assertThatThrownBy(() -> codec.decode(json, LibraryDesigned.class))
                .hasMessage(
                        "header.type is 'design-requested' but this topic carries 'library-designed'");
    }

    @Test
    void newerSchemaVersionIsRejected() {
        final String json =
                codec.encodeToString(SampleEvents.all(1).get(0))
                        .replace("\"schemaVersion\":1", "\"schemaVersion\":2");
        assertThatThrownBy(() -> codec.decode(json, DesignRequested.class))
                .hasMessageContaining("schemaVersion 2 of 'design-requested' is not readable");
    }

    @Test
    void invalidSequenceInsideAPayloadNamesFieldAndPosition() {
        final LibraryDesigned library = (LibraryDesigned) SampleEvents.all(3).get(3);
        final String good = library.members().get(1).variable().bases();
        final String bad = good.substring(0, 9) + "Z" + good.substring(10);
        final String json = codec.encodeToString(library).replace(good, bad);
        assertThatThrownBy(() -> codec.decode(json, LibraryDesigned.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage(
                        "invalid library-designed at 'members[1].variable': invalid base 'Z' at position 10 of 80 (allowed: A, C, G, T, N)");
    }

    @Test
    void countTableThatDoesNotMatchTheGates() {
        final SortSeqRunSubmitted run = (SortSeqRunSubmitted) SampleEvents.all(3).get(4);
        final String json = codec.encodeToString(run).replace("[30,70]", "[30,70,5]");
        assertThatThrownBy(() -> codec.decode(json, SortSeqRunSubmitted.class))
                .hasMessageEndingWith(
                        "counts[0] (member 'm1') has 3 bins, but the run has 2 gates");
        final String negative = codec.encodeToString(run).replace("[30,70]", "[30,-70]");
        assertThatThrownBy(() -> codec.decode(negative, SortSeqRunSubmitted.class))
                .hasMessageEndingWith("member 'm1': reads in bin 2 must be >= 0, but was -70");
    }

    @Test
    void missingRequiredField() {
        final String json =
                codec.encodeToString(SampleEvents.all(1).get(0))
                        .replace("\"libraryId\":\"lib-1\",\"quotas\"", "\"quotas\"");
        assertThatThrownBy(() -> codec.decode(json, DesignRequested.class))
                .hasMessage("invalid design-requested: required field 'libraryId' is missing");
        final String noTotal =
                codec.encodeToString(SampleEvents.all(1).get(3))
                        .replaceFirst("\"totalMembers\":3,", "");
        assertThatThrownBy(() -> codec.decode(noTotal, LibraryDesigned.class))
                .hasMessage("invalid library-designed: required field 'totalMembers' is missing");
    }
}
