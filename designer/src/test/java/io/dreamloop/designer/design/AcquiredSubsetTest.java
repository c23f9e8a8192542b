package io.dreamloop.designer.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dreamloop.contracts.event.AcquisitionOptions;
import io.dreamloop.contracts.event.DesignOptions;
import io.dreamloop.contracts.event.DesignRequested;
import io.dreamloop.contracts.event.EventTypes;
import io.dreamloop.contracts.event.LibraryConstraints;
import io.dreamloop.contracts.event.LibraryMember;
import io.dreamloop.contracts.event.Lineage;
import io.dreamloop.contracts.event.SubsetQuota;
import io.dreamloop.contracts.sequence.Flanks;
import io.dreamloop.contracts.sequence.Subset;
import io.dreamloop.designer.constraint.ConstraintCheck;
import io.dreamloop.designer.constraint.UnsatisfiableRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The random subset chosen by acquisition, with the known-fitness models of {@link
 * LibraryDesignerTest} ("a" = G+C count, "b" = G count): they disagree most where C is common.
 */
class AcquiredSubsetTest {
    private static final LibraryConstraints CONSTRAINTS =
            new LibraryConstraints(0.25, 0.75, 7, 3, List.of());

    private static DesignRequested request(final int random, final AcquisitionOptions acquisition) {
        return new DesignRequested(
                EventTypes.header(
                        DesignRequested.class, new Lineage("camp-1", 2, null, null, null)),
                "lib-acq",
                List.of(new SubsetQuota(Subset.RANDOM, random)),
                80,
                Flanks.DREAM_2022,
                CONSTRAINTS,
                11,
                DesignOptions.DEFAULT.withAcquisition(acquisition));
    }

    private static double c(final LibraryMember m) {
        return m.variable().bases().chars().filter(ch -> ch == 'C').count();
    }

    @Test
    void disagreementChoosesWhereTheModelsDifferAndSaysWhy() {
        final List<LibraryMember> chosen =
                LibraryDesignerTest.designer(1000)
                        .design(
                                request(
                                        20,
                                        new AcquisitionOptions(
                                                "disagreement", List.of("a", "b"), 400, 5)));
        final List<LibraryMember> plain =
                LibraryDesignerTest.designer(1000)
                        .design(request(20, new AcquisitionOptions("random", List.of(), 400, 5)));

        assertThat(chosen)
                .hasSize(20)
                .allSatisfy(m -> assertThat(m.subset()).isEqualTo(Subset.RANDOM));
        // |a - b| is the count of C: the chosen members are far richer in C than random draws.
        final double chosenC =
                chosen.stream().mapToDouble(AcquiredSubsetTest::c).average().orElseThrow();
        final double plainC =
                plain.stream().mapToDouble(AcquiredSubsetTest::c).average().orElseThrow();
        assertThat(chosenC).isGreaterThan(plainC + 6);
        final LibraryMember first = chosen.getFirst();
        assertThat(first.method()).isEqualTo("acquisition.disagreement");
        assertThat(first.predictions()).containsOnlyKeys("a", "b");
        assertThat(first.predictions().get("a") - first.predictions().get("b")).isEqualTo(c(first));
        assertThat(first.provenance())
                .containsEntry("acquisition", "disagreement")
                .containsEntry("rank", "1")
                .containsEntry("candidates", "400")
                .containsEntry("ensemble", "a,b");
        assertThat(first.provenance().get("reason")).startsWith("|model 1 - model 2| ");
        assertThat(plain.getFirst().method()).isEqualTo("acquisition.random");
        final ConstraintCheck check = new ConstraintCheck(CONSTRAINTS, Flanks.DREAM_2022);
        chosen.forEach(m -> assertThat(check.violation(m.variable())).as(m.id()).isEmpty());
        for (int i = 0; i < chosen.size(); i++) {
            for (int j = i + 1; j < chosen.size(); j++) {
                assertThat(chosen.get(i).variable().hammingDistance(chosen.get(j).variable()))
                        .isGreaterThanOrEqualTo(5);
            }
        }
    }

    @Test
    void theSameSeedChoosesTheSameBatch() {
        final AcquisitionOptions options =
                new AcquisitionOptions("uncertainty", List.of("a", "b"), 200, 5);
        assertThat(LibraryDesignerTest.designer(1000).design(request(10, options)))
                .isEqualTo(LibraryDesignerTest.designer(1000).design(request(10, options)));
    }

    @Test
    void impossibleAcquisitionsAreRefusedWithTheReason() {
        assertThatThrownBy(
                        () ->
                                LibraryDesignerTest.designer(1000)
                                        .design(
                                                request(
                                                        20,
                                                        new AcquisitionOptions(
                                                                "uncertainty",
                                                                List.of("a", "b"),
                                                                10,
                                                                5))))
                .isInstanceOf(UnsatisfiableRequestException.class)
                .hasMessage(
                        "options.acquisition.candidates (10) must be at least the random quota (20)");
        assertThatThrownBy(() -> new AcquisitionOptions("uncertainty", List.of("a"), null, null))
                .hasMessage(
                        "acquisition strategy uncertainty needs at least 2 ensemble models, but got [a]");
        assertThatThrownBy(() -> new AcquisitionOptions("greedy", List.of(), null, null))
                .hasMessageStartingWith(
                        "acquisition strategy must be one of [disagreement, diverse-uncertainty, exploit-high,");
    }
}
