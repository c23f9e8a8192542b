package io.dreamloop.predictor.rest;

import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Flanks;
import io.dreamloop.predictor.model.SequenceEncoding;

/**
 * What {@code POST /score} does with a sequence before the model sees it, said back to the caller.
 * The DREAM models read a measured oligo: its first {@value SequenceEncoding#ADAPTER_5P_LENGTH}
 * bases are taken as the 5' adapter (replaced by the plasmid upstream of the insert) and its last
 * {@value SequenceEncoding#LENGTH} bases are kept. A bare variable region therefore loses its first
 * 17 bases and reads with no 3' adapter, and a long sequence loses its start, silently unless the
 * caller is told: an 80-bp insert scored 9.71 where the same insert in its oligo scored 11.29.
 *
 * @param sequence what is scored
 * @param handling what was done, one of {@link Handling}'s wire names
 * @param warning why the prediction may not mean what the caller expects, or null
 */
record OligoInput(DnaSequence sequence, Handling handling, String warning) {

    /** What was done to a sequence. */
    enum Handling {
        /** Both DREAM adapters, scored as given. */
        OLIGO("oligo"),
        /** A bare variable region wrapped in the DREAM adapters, as asked ({@code addAdapters}). */
        ADAPTERS_ADDED("adapters-added"),
        /** Scored as given although an adapter is missing. */
        AS_GIVEN("as-given");

        private final String wireName;

        Handling(final String wireName) {
            this.wireName = wireName;
        }

        String wireName() {
            return wireName;
        }
    }

    private static final Flanks DREAM = Flanks.DREAM_2022;

    /** The shortest and longest oligos of the DREAM 2022 training data (data/PROVENANCE.md). */
    static final int SHORTEST_TRAINED = 102;

    static final int LONGEST_TRAINED = 111;

    /**
     * @param given the caller's sequence
     * @param addAdapters wrap a sequence that carries neither DREAM adapter in both
     */
    static OligoInput of(final DnaSequence given, final boolean addAdapters) {
        final boolean up = given.bases().startsWith(DREAM.upstream().bases());
        final boolean down = given.bases().endsWith(DREAM.downstream().bases());
        if (!up && !down && addAdapters) {
            final DnaSequence oligo = DREAM.wrap(given);
            return new OligoInput(oligo, Handling.ADAPTERS_ADDED, unexpectedLength(oligo));
        }
        if (up && down) {
            return new OligoInput(given, Handling.OLIGO, unexpectedLength(given));
        }
        final String missing =
                !up && !down ? "both DREAM adapters" : !up ? "the 5' adapter" : "the 3' adapter";
        return new OligoInput(
                given,
                Handling.AS_GIVEN,
                ("lacks %s: the model takes the first %d bases as the 5' adapter and the end as the"
                                + " 3' adapter, so the prediction is not the oligo's; send the"
                                + " measured oligo, or a variable region with addAdapters")
                        .formatted(missing, SequenceEncoding.ADAPTER_5P_LENGTH));
    }

    /**
     * A warning for an oligo outside the lengths the DREAM models were trained on (102-111 bp in
     * the challenge's training data), or longer than they read.
     */
    private static String unexpectedLength(final DnaSequence oligo) {
        final String tooLong = tooLong(oligo);
        if (tooLong != null) {
            return tooLong;
        }
        return oligo.length() >= SHORTEST_TRAINED && oligo.length() <= LONGEST_TRAINED
                ? null
                : "%d bases: the DREAM models were trained on oligos of %d-%d bases, so this prediction is an extrapolation"
                        .formatted(oligo.length(), SHORTEST_TRAINED, LONGEST_TRAINED);
    }

    private static String tooLong(final DnaSequence oligo) {
        return oligo.length() <= SequenceEncoding.LONGEST_READ_WHOLE
                ? null
                : "%d bases: the model reads the last %d after the 5' adapter, so bases %d..%d were not scored"
                        .formatted(
                                oligo.length(),
                                SequenceEncoding.LENGTH,
                                SequenceEncoding.ADAPTER_5P_LENGTH + 1,
                                oligo.length() - SequenceEncoding.LENGTH);
    }
}
