package io.dreamloop.designer.design;

import io.dreamloop.contracts.event.LibraryConstraints;
import io.dreamloop.contracts.event.LibraryMember;
import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Flanks;
import io.dreamloop.contracts.sequence.Subset;
import io.dreamloop.designer.constraint.ConstraintCheck;
import io.dreamloop.designer.constraint.UnsatisfiableRequestException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The SNV subset: pairs (alt, ref) where alt is ref with one base changed to one of the three
 * others, as in the DREAM 2022 SNV test pairs.
 *
 * <p>The references come from the caller (random, GA-designed or native sequences, e.g. from {@link
 * RandomLibraryDesigner} or {@link NativeFragments}); they must be new to the library. Pairs go
 * round-robin over the references, so each reference gets {@code count / references} pairs give or
 * take one, and each draws its variants without replacement from all {@code 3 × length} single-base
 * changes in a seeded random order.
 *
 * <p>Shared refs: a reference with several SNVs is the ref of each of its pairs, so the same ref
 * sequence appears once per pair (each copy with its own id, {@code <pairId>-ref}). {@link
 * io.dreamloop.contracts.event.LibraryMember} carries a single {@code pairId}, so one ref member
 * cannot belong to several pairs; one copy per pair keeps every pair exactly two members. Identical
 * refs of the same reference are therefore exempt from library distinctness; every alt is distinct
 * from every other sequence in the library. {@link LibraryConstraints#minHammingDistance()} applies
 * to unpaired members only and is not enforced here (an SNV is one base from its ref by design).
 *
 * <p>Methods: alt {@code snv@<position>:<from>><to>} (0-based position in the variable region), ref
 * {@value #REF_METHOD}.
 */
public final class SnvPairs {
    /** Method prefix of the alt members. */
    public static final String METHOD = "snv";

    /** Method of the ref members. */
    public static final String REF_METHOD = "snv.ref";

    private final int length;
    private final ConstraintCheck check;
    private final Backgrounds backgrounds;
    private final List<DnaSequence> references;

    /**
     * @param references the sequences to vary, each once, all of the variable length
     */
    public SnvPairs(
            final int length,
            final Flanks flanks,
            final LibraryConstraints constraints,
            final List<DnaSequence> references) {
        this.length = length;
        this.check = new ConstraintCheck(constraints, flanks);
        this.backgrounds = new Backgrounds(length, flanks, constraints);
        this.references = List.copyOf(Objects.requireNonNull(references, "references"));
    }

    /**
     * Designs {@code count} pairs with ids {@code <prefix>-snv-<n>-alt} and {@code -ref}.
     *
     * @param avoid sequences already in the library, never repeated (and no reference may be one)
     * @throws UnsatisfiableRequestException when the references are unusable, or too few variants
     *     meet the constraints
     */
    public List<LibraryMember> design(
            final String idPrefix,
            final int count,
            final Set<DnaSequence> avoid,
            final RandomGenerator random) {
        Pairs.requireCount(count);
        check.requireSatisfiable(length);
        backgrounds.requireUsable(references, avoid, "reference");
        final long capacity = 3L * length * references.size();
        if (count > capacity) {
            throw new UnsatisfiableRequestException(
                    "asks for %d SNV pairs, but %d references × %d single-base variants allow only %d; pass more references or ask for fewer"
                            .formatted(count, references.size(), 3 * length, capacity));
        }
        final Set<DnaSequence> taken = new HashSet<>(avoid);
        taken.addAll(references);
        final List<Variant> made = drawRoundRobin(count, taken, random);
        made.sort(Comparator.comparingInt(Variant::reference)); // stable: draw order within one
        return members(idPrefix, made);
    }

    /** Draws {@code count} variants, one reference at a time in turn, dropping exhausted ones. */
    private List<Variant> drawRoundRobin(
            final int count, final Set<DnaSequence> taken, final RandomGenerator random) {
        final List<Family> open = new ArrayList<>();
        for (int r = 0; r < references.size(); r++) {
            open.add(new Family(r, references.get(r)));
        }
        final List<Variant> made = new ArrayList<>(count);
        final Rejections rejected = new Rejections();
        int next = 0;
        while (made.size() < count) {
            if (open.isEmpty()) {
                throw new UnsatisfiableRequestException(
                        "found only %d of %d SNV pairs: every single-base variant of the %d references was used or rejected (%s); pass more references or loosen the constraints"
                                .formatted(made.size(), count, references.size(), rejected));
            }
            next %= open.size();
            final Family family = open.get(next);
            final Optional<Variant> variant = family.nextVariant(random, taken, rejected);
            if (family.exhausted()) {
                open.remove(next);
            } else {
                next++;
            }
            variant.ifPresent(made::add);
        }
        return made;
    }

    /** The pairs in order, each as (alt, ref) members numbered from 0. */
    private List<LibraryMember> members(final String idPrefix, final List<Variant> made) {
        final List<LibraryMember> members = new ArrayList<>(2 * made.size());
        for (int pair = 0; pair < made.size(); pair++) {
            final Variant v = made.get(pair);
            final DnaSequence ref = references.get(v.reference);
            members.addAll(
                    Pairs.pair(
                            idPrefix,
                            Subset.SNV,
                            pair,
                            v.alt,
                            "%s@%d:%s>%s"
                                    .formatted(
                                            METHOD,
                                            v.position,
                                            ref.baseAt(v.position),
                                            v.alt.baseAt(v.position)),
                            ref,
                            REF_METHOD));
        }
        return members;
    }

    /** A designed alt: which reference, and the changed position. */
    private record Variant(int reference, int position, DnaSequence alt) {}

    /** One reference and its single-base variants not yet tried, in a lazy random order. */
    private final class Family {
        private final int index;
        private final DnaSequence reference;
        private final int[] order;
        private int tried;

        Family(final int index, final DnaSequence reference) {
            this.index = index;
            this.reference = reference;
            this.order = new int[3 * length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
        }

        boolean exhausted() {
            return tried == order.length;
        }

        /** The next untried variant that meets the constraints and is new, if any is left. */
        Optional<Variant> nextVariant(
                final RandomGenerator random,
                final Set<DnaSequence> taken,
                final Rejections rejected) {
            while (!exhausted()) {
                // One step of a Fisher–Yates shuffle: draw among the untried, swap it forward.
                final int j = tried + random.nextInt(order.length - tried);
                final int code = order[j];
                order[j] = order[tried];
                order[tried++] = code;
                final DnaSequence alt = variant(code);
                if (rejected.accept(check.violation(alt), taken.contains(alt))) {
                    taken.add(alt);
                    return Optional.of(new Variant(index, code / 3, alt));
                }
            }
            return Optional.empty();
        }

        /** Variant {@code code}: position {@code code / 3}, the {@code code % 3}-th other base. */
        private DnaSequence variant(final int code) {
            final int position = code / 3;
            final char from = reference.baseAt(position);
            final String others = DnaSequence.BASES.replace(String.valueOf(from), "");
            final char[] bases = reference.bases().toCharArray();
            bases[position] = others.charAt(code % 3);
            return DnaSequence.of(new String(bases));
        }
    }
}
