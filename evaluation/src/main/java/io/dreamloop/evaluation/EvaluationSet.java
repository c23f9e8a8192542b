package io.dreamloop.evaluation;

import io.dreamloop.contracts.sequence.Subset;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The measured side of an evaluation: one measured value per sequence id, which ids belong to each
 * single-sequence subset, and the (alt, ref) pairs of each paired subset.
 *
 * <p>"All" is every id in {@code measured}. An id may belong to several subsets (in the real test
 * set some pair members are also random or native sequences). Memberships and pairs are sets, so
 * listing one twice counts once, as the reference de-duplicates subset rows ({@code np.unique} on
 * positions, a {@code set} of {@code (alt, ref)} tuples).
 *
 * <p>Build one with {@link #builder()}:
 *
 * {@snippet :
 * EvaluationSet set = EvaluationSet.builder()
 *         .measured("s1", 0.42).member(Subset.HIGH, "s1")
 *         .measured("s2", -0.10).measured("s3", 0.05)
 *         .pair(Subset.SNV, "s2", "s3")
 *         .build();
 * }
 *
 * @param measured measured value per id, every value finite; iteration order is kept
 * @param members ids per single-sequence subset (only subsets that are not {@link Subset#paired()})
 * @param pairs pairs per paired subset (only {@link Subset#paired()} subsets)
 */
public record EvaluationSet(
        Map<String, Double> measured,
        Map<Subset, Set<String>> members,
        Map<Subset, Set<SequencePair>> pairs) {

    /**
     * Copies the maps (unmodifiable, order kept) and checks them.
     *
     * @throws IllegalArgumentException when a measured value is not finite, a subset sits in the
     *     wrong map, or a member or pair id has no measured value
     */
    public EvaluationSet {
        measured = copyMeasured(measured);
        members = copySubsets(members, false, "members");
        pairs = copySubsets(pairs, true, "pairs");
        for (final Map.Entry<Subset, Set<String>> e : members.entrySet()) {
            for (final String id : e.getValue()) {
                requireMeasured(measured, id, e.getKey());
            }
        }
        for (final Map.Entry<Subset, Set<SequencePair>> e : pairs.entrySet()) {
            for (final SequencePair pair : e.getValue()) {
                requireMeasured(measured, pair.alt(), e.getKey());
                requireMeasured(measured, pair.ref(), e.getKey());
            }
        }
    }

    /** A builder that keeps insertion order. */
    public static Builder builder() {
        return new Builder();
    }

    /** The members of a single-sequence subset; empty when it has none. */
    public Set<String> members(final Subset subset) {
        return members.getOrDefault(subset, Set.of());
    }

    /** The pairs of a paired subset; empty when it has none. */
    public Set<SequencePair> pairs(final Subset subset) {
        return pairs.getOrDefault(subset, Set.of());
    }

    private static Map<String, Double> copyMeasured(final Map<String, Double> measured) {
        Objects.requireNonNull(measured, "measured");
        final Map<String, Double> copy = new LinkedHashMap<>();
        for (final Map.Entry<String, Double> e : measured.entrySet()) {
            final String id = Objects.requireNonNull(e.getKey(), "measured id");
            final Double value = e.getValue();
            if (value == null || !Double.isFinite(value)) {
                throw new IllegalArgumentException(
                        "measured value of '%s' must be finite, but was %s".formatted(id, value));
            }
            copy.put(id, value);
        }
        return Collections.unmodifiableMap(copy);
    }

    private static <T> Map<Subset, Set<T>> copySubsets(
            final Map<Subset, Set<T>> bySubset, final boolean paired, final String what) {
        Objects.requireNonNull(bySubset, what);
        final Map<Subset, Set<T>> copy = new EnumMap<>(Subset.class);
        for (final Map.Entry<Subset, Set<T>> e : bySubset.entrySet()) {
            final Subset subset = Objects.requireNonNull(e.getKey(), "subset");
            if (subset.paired() != paired) {
                throw new IllegalArgumentException(
                        paired
                                ? "subset %s is not paired: give its ids as members, not pairs"
                                        .formatted(subset.wireName())
                                : "subset %s is paired: give its ids as pairs, not members"
                                        .formatted(subset.wireName()));
            }
            final Set<T> items = new LinkedHashSet<>();
            for (final T item : e.getValue()) {
                items.add(Objects.requireNonNull(item, what));
            }
            copy.put(subset, Collections.unmodifiableSet(items));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static void requireMeasured(
            final Map<String, Double> measured, final String id, final Subset subset) {
        if (!measured.containsKey(id)) {
            throw new IllegalArgumentException(
                    "'%s' is in subset %s but has no measured value"
                            .formatted(id, subset.wireName()));
        }
    }

    /** Collects measured values, memberships and pairs; {@link #build()} checks them. */
    public static final class Builder {

        private final Map<String, Double> measured = new LinkedHashMap<>();
        private final Map<Subset, Set<String>> members = new EnumMap<>(Subset.class);
        private final Map<Subset, Set<SequencePair>> pairs = new EnumMap<>(Subset.class);

        private Builder() {}

        /**
         * Records the measured value of {@code id}. Recording the same value again is allowed.
         *
         * @throws IllegalArgumentException when the value is not finite or differs from the value
         *     already recorded for {@code id}
         */
        public Builder measured(final String id, final double value) {
            Objects.requireNonNull(id, "id");
            if (id.isBlank()) {
                throw new IllegalArgumentException("id must not be blank");
            }
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(
                        "measured value of '%s' must be finite, but was %s".formatted(id, value));
            }
            final Double before = measured.putIfAbsent(id, value);
            if (before != null && before != value) {
                throw new IllegalArgumentException(
                        "'%s' measured twice with different values: %s and %s"
                                .formatted(id, before, value));
            }
            return this;
        }

        /**
         * Adds {@code id} to a single-sequence subset.
         *
         * @throws IllegalArgumentException when {@code subset} is paired
         */
        public Builder member(final Subset subset, final String id) {
            Objects.requireNonNull(id, "id");
            if (Objects.requireNonNull(subset, "subset").paired()) {
                throw new IllegalArgumentException(
                        "subset %s is paired: use pair(subset, alt, ref)"
                                .formatted(subset.wireName()));
            }
            members.computeIfAbsent(subset, s -> new LinkedHashSet<>()).add(id);
            return this;
        }

        /**
         * Adds the pair (alt, ref) to a paired subset.
         *
         * @throws IllegalArgumentException when {@code subset} is not paired or the pair is invalid
         */
        public Builder pair(final Subset subset, final String alt, final String ref) {
            if (!Objects.requireNonNull(subset, "subset").paired()) {
                throw new IllegalArgumentException(
                        "subset %s is not paired: use member(subset, id)"
                                .formatted(subset.wireName()));
            }
            pairs.computeIfAbsent(subset, s -> new LinkedHashSet<>())
                    .add(new SequencePair(alt, ref));
            return this;
        }

        /**
         * @throws IllegalArgumentException when a member or pair id has no measured value
         */
        public EvaluationSet build() {
            return new EvaluationSet(measured, members, pairs);
        }
    }
}
