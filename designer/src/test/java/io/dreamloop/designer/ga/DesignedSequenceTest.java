package io.dreamloop.designer.ga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dreamloop.contracts.event.DesignProvenance;
import io.dreamloop.contracts.event.LibraryMember;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Subset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DesignedSequenceTest {
    private static final DesignProvenance PROVENANCE = new DesignProvenance("d", 1, null, Map.of());

    private static DesignedSequence designed(final String bases, final Subset subset) {
        return new DesignedSequence(
                DnaSequence.of(bases), subset, "m", Map.of("edv", 1.5), 0, 2, PROVENANCE);
    }

    @Test
    void membersAreNumberedWithinEachSubset() {
        final List<LibraryMember> members =
                DesignedSequence.toMembers(
                        "lib",
                        List.of(
                                designed("AAAA", Subset.HIGH),
                                designed("CCCC", Subset.LOW),
                                designed("GGGG", Subset.HIGH),
                                designed("TTTT", Subset.CHALLENGING)));
        assertThat(members)
                .extracting(LibraryMember::id)
                .containsExactly(
                        "lib-high-000000",
                        "lib-low-000000",
                        "lib-high-000001",
                        "lib-challenging-000000");
        assertThat(members.get(1).subset()).isEqualTo(Subset.LOW);
        assertThat(members.get(1).variable()).isEqualTo(DnaSequence.of("CCCC"));
        assertThat(members.get(1).method()).isEqualTo("m");
        assertThat(members.get(1).predictions()).containsEntry("edv", 1.5);
        assertThat(members.get(1).pairId()).isNull();
    }

    @Test
    void pairedSubsetsAreRejected() {
        assertThatThrownBy(() -> designed("ACGT", Subset.SNV))
                .hasMessage("a GA designs unpaired sequences, not subset snv");
    }
}
