package io.dreamloop.predictor.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dreamloop.contracts.sequence.DnaSequence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The DREAM 2022 / Prix Fixe input encoding (SPEC §1.2-1.3).
 *
 * <p>A measured sequence (~110 bp: 17-bp 5' adapter, 80-bp variable region, 13-bp 3' adapter) is
 * padded to {@value #LENGTH} bp: its 5' adapter is replaced by the 150 plasmid bases upstream of
 * the insert (which end in that adapter) and the last 150 bases are kept, so the 3' end is always
 * the sequence's own 3' adapter and length differences are absorbed on the left.
 *
 * <p>The tensor is {@code float32 (N, 6, 150)}, channel-major per sequence: channels 0-3 one-hot in
 * the order <b>A, G, C, T</b> (not ACGT), channel 4 is_reverse, channel 5 is_singleton. An {@code
 * N} is all zeros in training and 0.25 in every base channel at prediction.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SequenceEncoding {
    /** Padded length. */
    public static final int LENGTH = 150;

    /** Channels per position. */
    public static final int CHANNELS = 6;

    /** Channels per position of {@link #encodeUnpaddedInto}: four bases and is_reverse. */
    public static final int UNPADDED_CHANNELS = 5;

    /** One-hot channel order. */
    public static final String BASE_ORDER = "AGCT";

    /** Length of the 5' adapter that the plasmid padding replaces. */
    public static final int ADAPTER_5P_LENGTH = 17;

    /**
     * The longest oligo the models read whole: its 5' adapter is replaced by the plasmid and the
     * last {@value #LENGTH} bases are kept, so a longer one loses the start of its insert.
     */
    public static final int LONGEST_READ_WHOLE = LENGTH + ADAPTER_5P_LENGTH;

    /** How an unresolved base is encoded. */
    public enum UnknownBase {
        /** All four base channels 0 (training, as the reference data processor does). */
        ZEROS,
        /** All four base channels 0.25 (prediction, as the reference predictor does). */
        UNIFORM
    }

    /**
     * The DREAM 2022 encoding: the 150 plasmid bases upstream of the insert of the challenge's
     * {@code plasmid.json} (offsets 3498..3647; SPEC §1.2), ending in the 5' adapter.
     */
    public static final SequenceEncoding DREAM_2022 =
            new SequenceEncoding(
                    "AGTCCACTATTAAAGAACGTGGACTCCAACGTCAAAGGGCGAAAAACCGTCTATCAGGGCGATGGCCCACTACGTGAACCATCACCCTAATCAAGTGCTAGCAGGAATGATGCAAAAGGTTCCCGATTCGAACTGCATTTTTTTCACATC");

    private final String upstream;

    private SequenceEncoding(final String upstream) {
        if (upstream.length() != LENGTH) {
            throw new IllegalArgumentException(
                    "upstream padding must be %d bases, but was %d"
                            .formatted(LENGTH, upstream.length()));
        }
        this.upstream = upstream;
    }

    /**
     * The encoding of a plasmid whose insert is a run of {@code N}: the padding is the 150 bases
     * before the run.
     *
     * @throws IllegalArgumentException when the plasmid has no N run with 150 bases before it
     */
    public static SequenceEncoding ofPlasmid(final String plasmid) {
        final String upper = plasmid.toUpperCase(Locale.ROOT);
        final int insert = upper.indexOf('N');
        if (insert < LENGTH) {
            throw new IllegalArgumentException(
                    "plasmid needs an N-run insert with at least %d bases before it; insert starts at %d"
                            .formatted(LENGTH, insert));
        }
        return new SequenceEncoding(upper.substring(insert - LENGTH, insert));
    }

    /** Reads a plasmid stored as one JSON string, like the challenge's {@code plasmid.json}. */
    public static SequenceEncoding ofPlasmidJson(final Path file) {
        try {
            return ofPlasmid(new ObjectMapper().readValue(file.toFile(), String.class));
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read plasmid from " + file, e);
        }
    }

    /** The 150 plasmid bases used as padding. */
    public String upstreamPadding() {
        return upstream;
    }

    /** Why a sequence cannot be encoded, or empty if it can. */
    public Optional<String> problem(final DnaSequence sequence) {
        if (sequence.length() <= ADAPTER_5P_LENGTH) {
            return Optional.of(
                    "sequence of %d bases is too short to pad: it must be longer than the %d-base 5' adapter"
                            .formatted(sequence.length(), ADAPTER_5P_LENGTH));
        }
        return Optional.empty();
    }

    /**
     * Pads a measured sequence to {@value #LENGTH} bases.
     *
     * @throws IllegalArgumentException when the sequence is not longer than its 5' adapter
     */
    public DnaSequence pad(final DnaSequence sequence) {
        problem(sequence)
                .ifPresent(
                        p -> {
                            throw new IllegalArgumentException(p);
                        });
        final String joined = upstream + sequence.bases().substring(ADAPTER_5P_LENGTH);
        return DnaSequence.of(joined.substring(joined.length() - LENGTH));
    }

    /**
     * Encodes one padded sequence into {@code out[offset .. offset + 6*150)}, channel-major.
     *
     * @param padded a sequence of exactly {@value #LENGTH} bases (see {@link #pad})
     * @param reverse the is_reverse flag (1 for the reverse-complement copy)
     * @param singleton the is_singleton flag (0 at prediction)
     */
    public void encodeInto(
            final DnaSequence padded,
            final boolean reverse,
            final boolean singleton,
            final UnknownBase unknown,
            final float[] out,
            final int offset) {
        if (padded.length() != LENGTH) {
            throw new IllegalArgumentException(
                    "encode needs a padded sequence of %d bases, but got %d"
                            .formatted(LENGTH, padded.length()));
        }
        for (int i = 0; i < LENGTH; i++) {
            final int channel = BASE_ORDER.indexOf(padded.baseAt(i));
            if (channel >= 0) {
                out[offset + channel * LENGTH + i] = 1f;
            } else if (unknown == UnknownBase.UNIFORM) {
                for (int c = 0; c < 4; c++) {
                    out[offset + c * LENGTH + i] = 0.25f;
                }
            }
            out[offset + 4 * LENGTH + i] = reverse ? 1f : 0f;
            out[offset + 5 * LENGTH + i] = singleton ? 1f : 0f;
        }
    }

    /**
     * Encodes one measured training example into {@code out[offset .. offset + 6*150)} as the
     * reference data processor does (SPEC §1.3): pads it, reverse-complements the padded sequence
     * when {@code reverse}, sets is_reverse and is_singleton, and leaves an {@code N} all zeros.
     *
     * @param sequence a measured sequence (see {@link #pad})
     * @param reverse encode the reverse-complement copy (is_reverse 1)
     * @param singleton the is_singleton flag: the measured value is an integer (one cell)
     * @throws IllegalArgumentException when the sequence is not longer than its 5' adapter
     */
    public void encodeTrainingInto(
            final DnaSequence sequence,
            final boolean reverse,
            final boolean singleton,
            final float[] out,
            final int offset) {
        final DnaSequence padded = pad(sequence);
        encodeInto(
                reverse ? padded.reverseComplement() : padded,
                reverse,
                singleton,
                UnknownBase.ZEROS,
                out,
                offset);
    }

    /**
     * Encodes a sequence of any length without padding and without the singleton channel, for
     * assays other than the DREAM sort-seq (STARR-seq, MPRA): {@value #UNPADDED_CHANNELS} channels,
     * one-hot in the order {@value #BASE_ORDER} and is_reverse, {@code float32 (5, L)}
     * channel-major into {@code out[offset .. offset + 5*L)}.
     *
     * @param sequence the sequence as measured; its reverse complement is encoded when {@code
     *     reverse}
     * @param reverse encode the reverse complement with is_reverse 1
     * @param unknown how an {@code N} is encoded
     */
    public static void encodeUnpaddedInto(
            final DnaSequence sequence,
            final boolean reverse,
            final UnknownBase unknown,
            final float[] out,
            final int offset) {
        final DnaSequence strand = reverse ? sequence.reverseComplement() : sequence;
        final int length = strand.length();
        for (int i = 0; i < length; i++) {
            final int channel = BASE_ORDER.indexOf(strand.baseAt(i));
            if (channel >= 0) {
                out[offset + channel * length + i] = 1f;
            } else {
                for (int c = 0; c < 4; c++) {
                    out[offset + c * length + i] = unknown == UnknownBase.UNIFORM ? 0.25f : 0f;
                }
            }
            out[offset + 4 * length + i] = reverse ? 1f : 0f;
        }
    }

    /**
     * The prediction-time batch of one strand: pads each sequence (reverse-complementing the padded
     * sequence when {@code reverse}), singleton 0, N as 0.25.
     *
     * @return {@code float32 (N, 6, 150)}, flattened
     */
    public float[] predictionBatch(final List<DnaSequence> sequences, final boolean reverse) {
        final float[] out = new float[sequences.size() * CHANNELS * LENGTH];
        for (int n = 0; n < sequences.size(); n++) {
            final DnaSequence padded = pad(sequences.get(n));
            encodeInto(
                    reverse ? padded.reverseComplement() : padded,
                    reverse,
                    false,
                    UnknownBase.UNIFORM,
                    out,
                    n * CHANNELS * LENGTH);
        }
        return out;
    }
}
