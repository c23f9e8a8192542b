package io.dreamloop.predictor.game;

import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Flanks;
import io.dreamloop.predictor.model.SequenceEncoding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns each sequence of a valid request into the oligo a DREAM model reads, the way GAME's own
 * predictors prepare theirs: the flanks are added ({@code upstream_seq + sequence +
 * downstream_seq}), then the prediction range is cut from that, indexed from its first base. What
 * is left is placed in the predictor's context: a complete DREAM oligo (both adapters) is read as
 * it is; anything else is the insert of one and is wrapped in the 17-bp 5' and 13-bp 3' adapters,
 * which the model always reads after the plasmid. Nothing is dropped silently: a region longer than
 * the model reads whole is refused.
 *
 * <p>Every sequence is checked before any is scored, and the request is refused with {@link
 * GameError#PREDICTION_REQUEST_FAILED} naming each one the model cannot take.
 */
final class ModelInputs {
    private static final Flanks DREAM = Flanks.DREAM_2022;

    /** The longest region read whole when the adapters are added around it. */
    static final int LONGEST_INSERT =
            SequenceEncoding.LONGEST_READ_WHOLE
                    - DREAM.upstream().length()
                    - DREAM.downstream().length();

    private ModelInputs() {}

    /**
     * @return one oligo per sequence, in request order
     * @throws GameException naming every sequence the model cannot take
     */
    static List<DnaSequence> of(final GameRequest request) {
        final List<String> problems = new ArrayList<>();
        flankProblem("upstream_seq", request.upstream(), problems);
        flankProblem("downstream_seq", request.downstream(), problems);
        final boolean flanksValid = problems.isEmpty();
        final List<DnaSequence> oligos = new ArrayList<>(request.sequences().size());
        for (final Map.Entry<String, String> e : request.sequences().entrySet()) {
            final String problem = sequenceProblem(e.getKey(), e.getValue());
            if (problem != null) {
                problems.add(problem);
                continue;
            }
            final String context = request.upstream() + e.getValue() + request.downstream();
            final PredictionRange range = request.ranges().get(e.getKey());
            if (range != null && !range.fits(context.length())) {
                problems.add(outOfBounds(e.getKey(), range, context.length()));
                continue;
            }
            final String region =
                    (range == null ? context : range.of(context)).toUpperCase(Locale.ROOT);
            final boolean isOligo = DREAM.carriedBy(region);
            final String tooLong = tooLong(e.getKey(), region.length(), isOligo);
            if (tooLong != null) {
                problems.add(tooLong);
                continue;
            }
            if (flanksValid) {
                final DnaSequence bases = DnaSequence.of(region);
                oligos.add(isOligo ? bases : DREAM.wrap(bases));
            }
        }
        if (!problems.isEmpty()) {
            throw new GameException(GameError.PREDICTION_REQUEST_FAILED, problems);
        }
        return oligos;
    }

    private static void flankProblem(
            final String key, final String bases, final List<String> problems) {
        final int bad = firstInvalid(bases);
        if (bad >= 0) {
            problems.add(
                    "'%s' has an invalid base '%s' at index %d (allowed: A, C, G, T, N)"
                            .formatted(key, bases.charAt(bad), bad));
        }
    }

    private static String sequenceProblem(final String id, final String bases) {
        if (bases.isEmpty()) {
            return "sequence '%s' is empty".formatted(id);
        }
        final int bad = firstInvalid(bases);
        return bad < 0
                ? null
                : "sequence '%s' has an invalid base '%s' at index %d of %d (allowed: A, C, G, T, N)"
                        .formatted(id, bases.charAt(bad), bad, bases.length());
    }

    /** The 0-based index of the first character outside the alphabet (any case), or -1. */
    private static int firstInvalid(final String bases) {
        final String upper = bases.toUpperCase(Locale.ROOT);
        for (int i = 0; i < upper.length(); i++) {
            if (DnaSequence.ALPHABET.indexOf(upper.charAt(i)) < 0) {
                return i;
            }
        }
        return -1;
    }

    private static String outOfBounds(
            final String id, final PredictionRange range, final int length) {
        return ("prediction range [%d, %d] of '%s' is out of bounds: with its flanks the sequence"
                        + " has %d bases (indices 0..%d)")
                .formatted(range.start(), range.end(), id, length, length - 1);
    }

    private static String tooLong(final String id, final int length, final boolean isOligo) {
        final int limit = isOligo ? SequenceEncoding.LONGEST_READ_WHOLE : LONGEST_INSERT;
        return length <= limit
                ? null
                : ("sequence '%s' is %d bases with its flanks and range; the DREAM model reads at"
                                + " most %d between its adapters, or a whole oligo of %d with both"
                                + " adapters: send a prediction range")
                        .formatted(id, length, LONGEST_INSERT, SequenceEncoding.LONGEST_READ_WHOLE);
    }
}
