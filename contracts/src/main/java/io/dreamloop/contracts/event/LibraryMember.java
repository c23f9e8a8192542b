package io.dreamloop.contracts.event;

import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Subset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One designed sequence of a library.
 *
 * @param id unique within the library
 * @param subset the subset it was designed for
 * @param pairId the pair it belongs to; required for paired subsets, absent otherwise
 * @param variable the designed variable region (the oligo is {@code flanks.wrap(variable)})
 * @param method how it was made, e.g. {@code random}, {@code ga.vaishnav.high}
 * @param predictions predicted expression per model version at design time
 * @param provenance how this sequence was made, beyond the method: e.g. GA run and generation,
 *     motif and offset, parent sequence; empty when there is nothing more to say
 */
public record LibraryMember(
        String id,
        Subset subset,
        @OptionalField String pairId,
        DnaSequence variable,
        String method,
        @OptionalField Map<String, Double> predictions,
        @OptionalField Map<String, String> provenance) {

    public LibraryMember {
        Ids.require(id, "member id");
        Objects.requireNonNull(subset, "subset");
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(method, "method");
        if (subset.paired() && pairId == null) {
            throw new IllegalArgumentException(
                    "member '%s' of paired subset '%s' needs a pairId"
                            .formatted(id, subset.wireName()));
        }
        if (!subset.paired() && pairId != null) {
            throw new IllegalArgumentException(
                    "member '%s' of unpaired subset '%s' must not have a pairId"
                            .formatted(id, subset.wireName()));
        }
        if (pairId != null) {
            Ids.require(pairId, "pairId");
        }
        predictions = predictions == null ? Map.of() : Map.copyOf(predictions);
        provenance = provenance == null ? Map.of() : Map.copyOf(provenance);
    }

    /** A member without provenance beyond its method. */
    public LibraryMember(
            final String id,
            final Subset subset,
            final String pairId,
            final DnaSequence variable,
            final String method,
            final Map<String, Double> predictions) {
        this(id, subset, pairId, variable, method, predictions, Map.of());
    }

    /** The same member with these predictions added. */
    public LibraryMember withPredictions(final Map<String, Double> more) {
        final Map<String, Double> all = new HashMap<>(predictions);
        all.putAll(more);
        return new LibraryMember(id, subset, pairId, variable, method, all, provenance);
    }
}
