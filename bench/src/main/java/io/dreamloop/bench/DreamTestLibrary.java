package io.dreamloop.bench;

import io.dreamloop.contracts.event.LibraryConstraints;
import io.dreamloop.contracts.event.LibraryMember;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Flanks;
import io.dreamloop.contracts.sequence.Subset;
import io.dreamloop.designer.design.SnvPairs;
import io.dreamloop.evaluation.DreamTestSubsets;
import io.dreamloop.evaluation.EvaluationSet;
import io.dreamloop.evaluation.InputFormatException;
import io.dreamloop.evaluation.SequencePair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * A fixed evaluation library with every subset of the DREAM Challenge 2022 test set: a seeded
 * sample of the real test sequences (high, low, native, random, challenging, motif perturbation and
 * tiling pairs, from {@code shared/data/dream2022/test_subsets}) and, since the SNV file is not in
 * that copy, SNV pairs designed by {@link SnvPairs} on the sampled random sequences. The same
 * library for every strategy, seed and cycle, so that scores on it are comparable.
 *
 * @param sequences every member by id (a real test sequence's id is its {@code pos}, the row in the
 *     challenge's test file)
 * @param members the members of each single-sequence subset
 * @param pairs the (alt, ref) pairs of each paired subset
 */
record DreamTestLibrary(
        Map<String, DnaSequence> sequences,
        Map<Subset, List<String>> members,
        Map<Subset, List<SequencePair>> pairs) {

    /** The variable region of the random test sequences that SNV pairs vary. */
    private static final int VARIABLE = 80;

    /**
     * Draws {@code perSubset} sequences (or pairs) of every subset, seeded.
     *
     * @throws IOException when a subset file cannot be read
     * @throws InputFormatException when a file does not follow the subsets' format
     * @throws IllegalArgumentException when a subset has too few rows
     */
    static DreamTestLibrary sample(final Path subsets, final int perSubset, final long seed)
            throws IOException, InputFormatException {
        final Map<String, DnaSequence> sequences = new LinkedHashMap<>();
        final Map<Subset, List<String>> members = new EnumMap<>(Subset.class);
        final Map<Subset, List<SequencePair>> pairs = new EnumMap<>(Subset.class);
        final Random random = new Random(seed);
        for (final Subset subset : DreamTestSubsets.listed()) {
            if (subset.paired()) {
                for (final DreamTestSubsets.Pair p :
                        sample(DreamTestSubsets.pairs(subsets, subset), perSubset, random)) {
                    sequences.putIfAbsent(p.alt().id(), p.alt().sequence());
                    sequences.putIfAbsent(p.ref().id(), p.ref().sequence());
                    pairs.computeIfAbsent(subset, s -> new ArrayList<>())
                            .add(new SequencePair(p.alt().id(), p.ref().id()));
                }
            } else {
                for (final DreamTestSubsets.Member m :
                        sample(DreamTestSubsets.members(subsets, subset), perSubset, random)) {
                    sequences.putIfAbsent(m.id(), m.sequence());
                    members.computeIfAbsent(subset, s -> new ArrayList<>()).add(m.id());
                }
            }
        }
        pairs.put(Subset.SNV, snvPairs(sequences, members.get(Subset.RANDOM), perSubset, seed));
        return new DreamTestLibrary(sequences, members, pairs);
    }

    /** {@code n} rows drawn without replacement, seeded. */
    private static <T> List<T> sample(final List<T> rows, final int n, final Random random) {
        if (rows.size() < n) {
            throw new IllegalArgumentException(
                    "a test subset has %d rows, fewer than the %d asked for"
                            .formatted(rows.size(), n));
        }
        final List<T> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, random);
        return shuffled.subList(0, n);
    }

    /** Every member's id, in a fixed order. */
    List<String> ids() {
        return List.copyOf(sequences.keySet());
    }

    /** The sequences in the order of {@link #ids()}. */
    List<DnaSequence> inOrder() {
        return List.copyOf(sequences.values());
    }

    /** The library with {@code value} as every member's measurement, ready for scoring. */
    EvaluationSet measuredAs(final ToDoubleFunction<DnaSequence> value) {
        final EvaluationSet.Builder set = EvaluationSet.builder();
        sequences.forEach((id, s) -> set.measured(id, value.applyAsDouble(s)));
        members.forEach((subset, ids) -> ids.forEach(id -> set.member(subset, id)));
        pairs.forEach((subset, list) -> list.forEach(p -> set.pair(subset, p.alt(), p.ref())));
        return set.build();
    }

    /** One line: how many members and pairs of each subset. */
    String describe() {
        final StringBuilder out = new StringBuilder("%,d sequences:".formatted(sequences.size()));
        members.forEach((s, ids) -> out.append(" %s %d,".formatted(s.wireName(), ids.size())));
        pairs.forEach(
                (s, list) -> out.append(" %s %d pairs,".formatted(s.wireName(), list.size())));
        out.setLength(out.length() - 1);
        return out.toString();
    }

    /** SNV pairs on the sampled random test sequences of the full 110-bp form. */
    private static List<SequencePair> snvPairs(
            final Map<String, DnaSequence> sequences,
            final List<String> randomIds,
            final int count,
            final long seed) {
        final Flanks flanks = Flanks.DREAM_2022;
        final int from = flanks.upstream().length();
        final List<DnaSequence> references = new ArrayList<>();
        for (final String id : randomIds) {
            final DnaSequence s = sequences.get(id);
            if (s.length() == from + VARIABLE + flanks.downstream().length()
                    && s.isDefinite()
                    && flanks.wrap(s.subsequence(from, from + VARIABLE)).equals(s)) {
                references.add(s.subsequence(from, from + VARIABLE));
            }
        }
        final List<LibraryMember> designed =
                new SnvPairs(VARIABLE, flanks, LibraryConstraints.NONE, references)
                        .design(
                                "snv",
                                count,
                                new HashSet<>(sequences.values()),
                                new SplittableRandom(seed));
        final Map<String, String[]> byPair = new LinkedHashMap<>();
        for (final LibraryMember m : designed) {
            sequences.put(m.id(), flanks.wrap(m.variable()));
            final String[] pair = byPair.computeIfAbsent(m.pairId(), k -> new String[2]);
            pair[SnvPairs.REF_METHOD.equals(m.method()) ? 1 : 0] = m.id();
        }
        return byPair.values().stream().map(p -> new SequencePair(p[0], p[1])).toList();
    }
}
