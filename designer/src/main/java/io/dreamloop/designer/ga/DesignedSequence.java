package io.dreamloop.designer.ga;

import io.dreamloop.contracts.event.DesignProvenance;
import io.dreamloop.contracts.event.LibraryMember;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Subset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One sequence a GA designed, with everything needed to explain and repeat it.
 *
 * @param variable the variable region
 * @param subset the library subset it was designed for ({@code high}, {@code low} or {@code
 *     challenging})
 * @param method e.g. {@code ga.vaishnav.high} or {@code ga.nsga2.a-high-b-low}
 * @param predictions every model's prediction at design time, by model name
 * @param run the restart that found it, from 0
 * @param generation the generation in which it first appeared in that run (0 = random start)
 * @param provenance designer version, seed and settings of the design
 */
public record DesignedSequence(
        DnaSequence variable,
        Subset subset,
        String method,
        Map<String, Double> predictions,
        int run,
        long generation,
        DesignProvenance provenance) {

    /**
     * @throws IllegalArgumentException for a paired subset, which a GA does not design
     */
    public DesignedSequence {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(subset, "subset");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(provenance, "provenance");
        if (subset.paired()) {
            throw new IllegalArgumentException(
                    "a GA designs unpaired sequences, not subset " + subset.wireName());
        }
        if (run < 0 || generation < 0) {
            throw new IllegalArgumentException(
                    "run and generation must be >= 0, but were %d and %d"
                            .formatted(run, generation));
        }
        predictions = Map.copyOf(predictions);
    }

    /** The library member with id {@code <libraryId>-<subset>-<index, 6 digits>}. */
    public LibraryMember toMember(final String libraryId, final int index) {
        final Map<String, String> why = new TreeMap<>(provenance.settings());
        why.put("seed", Long.toString(provenance.seed()));
        why.put("run", Integer.toString(run));
        why.put("generation", Long.toString(generation));
        if (provenance.modelVersion() != null) {
            why.put("model", provenance.modelVersion());
        }
        return new LibraryMember(
                "%s-%s-%06d".formatted(libraryId, subset.wireName(), index),
                subset,
                null,
                variable,
                method,
                predictions,
                why);
    }

    /** Library members for {@code designs}, numbered from 0 within each subset in list order. */
    public static List<LibraryMember> toMembers(
            final String libraryId, final List<DesignedSequence> designs) {
        final Map<Subset, Integer> next = new EnumMap<>(Subset.class);
        final List<LibraryMember> members = new ArrayList<>(designs.size());
        for (final DesignedSequence design : designs) {
            final int index = next.merge(design.subset(), 1, Integer::sum) - 1;
            members.add(design.toMember(libraryId, index));
        }
        return members;
    }
}
