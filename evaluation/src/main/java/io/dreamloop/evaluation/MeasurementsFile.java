package io.dreamloop.evaluation;

import io.dreamloop.contracts.sequence.Subset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Reads measurements with their subsets and pairs: a UTF-8, tab-separated file with the header
 * {@code id<TAB>subset<TAB>pair_id<TAB>role<TAB>measured} and one line per (sequence, subset).
 *
 * <table>
 *   <caption>Columns</caption>
 *   <tr><th>#</th><th>column</th><th>content</th></tr>
 *   <tr><td>1</td><td>id</td><td>the sequence id, matched exactly against the predictions' keys
 *       (use the sequence itself with DREAM-style predictions)</td></tr>
 *   <tr><td>2</td><td>subset</td><td>a subset wire name ({@code high, low, native, random,
 *       challenging, snv, motif-perturbation, motif-tiling}), or {@code -} or empty for a sequence
 *       in no subset (it still counts in "all")</td></tr>
 *   <tr><td>3</td><td>pair_id</td><td>paired subsets only: the pair's name, shared by its two
 *       members, unique within the subset; {@code -} or empty otherwise</td></tr>
 *   <tr><td>4</td><td>role</td><td>paired subsets only: {@code alt} or {@code ref}; {@code -} or
 *       empty otherwise</td></tr>
 *   <tr><td>5</td><td>measured</td><td>the measured expression, a finite decimal number on any
 *       scale (e.g. MAUDE)</td></tr>
 * </table>
 *
 * <pre>
 * id      subset  pair_id  role  measured
 * s1      high    -        -     1.21
 * s2      random  -        -     -0.35
 * s2      snv     p1       ref   -0.35
 * s3      snv     p1       alt   0.12
 * s4      -       -        -     0.80
 * </pre>
 *
 * <p>A sequence in several subsets (s2 above) gets one line per subset, each with the same measured
 * value. Every distinct id counts once in "all". Repeating a line adds nothing: a subset is a set
 * of ids and a paired subset a set of (alt, ref) pairs, as the reference de-duplicates; two pair
 * ids naming the same (alt, ref) make one pair. Every pair needs exactly one {@code alt} and one
 * {@code ref}. Empty lines are allowed only at the end. Every malformed line is rejected with an
 * {@link InputFormatException} naming the line and column.
 */
public final class MeasurementsFile {

    /** The header, in order. */
    static final String[] HEADER = {"id", "subset", "pair_id", "role", "measured"};

    private static final String NONE = "-";

    private MeasurementsFile() {}

    /**
     * Reads the measured values, memberships and pairs.
     *
     * @throws IOException when the file cannot be read
     * @throws InputFormatException at the first malformed line
     */
    public static EvaluationSet read(final Path path) throws IOException, InputFormatException {
        return read(path, null);
    }

    /**
     * Reads the measured values, memberships and pairs; lab-ingest's measurement table ({@code
     * dreamloop sortseq measurements}: {@code member_id, method, expression, ...}, every member in
     * no subset) is read too, the rows of {@code method}, which may be null when the table holds
     * one method.
     *
     * @throws IOException when the file cannot be read
     * @throws InputFormatException at the first malformed line, or when a lab-ingest table holds
     *     several methods and none is chosen
     */
    public static EvaluationSet read(final Path path, final String method)
            throws IOException, InputFormatException {
        Objects.requireNonNull(path, "path");
        final String source = path.toString();
        final List<String> lines = TsvLines.read(path, source);
        return parse(
                source,
                !lines.isEmpty() && lines.getFirst().startsWith(LAB_INGEST)
                        ? fromLabIngest(source, TsvLines.trim(lines, source), method)
                        : lines);
    }

    /** The header start of lab-ingest's measurement table. */
    static final String LAB_INGEST = "member_id\tmethod\texpression";

    /**
     * Lab-ingest's measurement table as lines of this file's layout: one method's rows, members in
     * no subset.
     */
    static List<String> fromLabIngest(
            final String source, final List<String> lines, final String method)
            throws InputFormatException {
        final TreeSet<String> methods = new TreeSet<>();
        for (int i = 1; i < lines.size(); i++) {
            methods.add(lines.get(i).split("\t", -1)[1]);
        }
        final String chosen =
                method != null ? method : methods.size() == 1 ? methods.first() : null;
        if (chosen == null || !methods.contains(chosen)) {
            throw new InputFormatException(
                    source,
                    1,
                    2,
                    "method",
                    "%s; choose one of %s with --method"
                            .formatted(
                                    chosen == null
                                            ? "the table holds the estimates of several methods"
                                            : "the table has no estimates by method '"
                                                    + chosen
                                                    + "'",
                                    methods));
        }
        final List<String> out = new ArrayList<>();
        out.add(String.join("\t", HEADER));
        for (int i = 1; i < lines.size(); i++) {
            final String[] f = lines.get(i).split("\t", -1);
            if (f.length >= 3 && f[1].equals(chosen)) {
                out.add(f[0] + "\t-\t-\t-\t" + f[2]);
            }
        }
        return out;
    }

    /** Parses the lines of a measurements file; {@code source} names it in errors. */
    static EvaluationSet parse(final String source, final List<String> rawLines)
            throws InputFormatException {
        final List<String> lines = TsvLines.trim(rawLines, source);
        checkHeader(source, lines.getFirst());
        final EvaluationSet.Builder builder = EvaluationSet.builder();
        final Map<String, Double> measured = new HashMap<>();
        final Map<String, Integer> measuredLine = new HashMap<>();
        final Map<PairKey, PairMembers> pairs = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            final int n = i + 1;
            final String[] f = TsvLines.split(lines.get(i), n, source, HEADER);
            final String id = TsvLines.id(f[0], n, 1, HEADER[0], source);
            final Subset subset = subset(f[1], n, source);
            final double value = TsvLines.number(f[4], n, 5, HEADER[4], source);

            final Double before = measured.putIfAbsent(id, value);
            if (before == null) {
                measuredLine.put(id, n);
                builder.measured(id, value);
            } else if (before != value) {
                throw conflict(source, n, id, f[4], before, measuredLine.get(id));
            }

            if (subset == null || !subset.paired()) {
                requireNone(f[2], n, 3, source, subset);
                requireNone(f[3], n, 4, source, subset);
                if (subset != null) {
                    builder.member(subset, id);
                }
                continue;
            }
            final String pairId = pairId(f[2], n, source, subset);
            pairs.computeIfAbsent(new PairKey(subset, pairId), k -> new PairMembers())
                    .add(f[3], id, n, 4, source, subset, pairId);
        }
        addPairs(source, pairs, builder);
        if (measured.isEmpty()) {
            throw new InputFormatException(source, 0, 0, null, "no measurements after the header");
        }
        return builder.build();
    }

    /** The error for an id measured twice with different values. */
    private static InputFormatException conflict(
            final String source,
            final int line,
            final String id,
            final String value,
            final double before,
            final int beforeLine) {
        return new InputFormatException(
                source,
                line,
                5,
                HEADER[4],
                "'%s' measured %s here but %s on line %d".formatted(id, value, before, beforeLine));
    }

    /** The pair id of column 3 on a line of a paired subset, which must name a pair. */
    private static String pairId(
            final String field, final int line, final String source, final Subset subset)
            throws InputFormatException {
        final String pairId = TsvLines.id(field, line, 3, HEADER[2], source);
        if (pairId.equals(NONE)) {
            throw new InputFormatException(
                    source,
                    line,
                    3,
                    HEADER[2],
                    "subset %s is paired: give the pair's id".formatted(subset.wireName()));
        }
        return pairId;
    }

    /**
     * Adds every pair to the builder, in the order first seen.
     *
     * @throws InputFormatException at the first pair without both an alt and a ref
     */
    private static void addPairs(
            final String source,
            final Map<PairKey, PairMembers> pairs,
            final EvaluationSet.Builder builder)
            throws InputFormatException {
        for (final Map.Entry<PairKey, PairMembers> e : pairs.entrySet()) {
            final PairKey key = e.getKey();
            final PairMembers m = e.getValue();
            if (m.altId == null || m.refId == null) {
                final boolean hasAlt = m.altId != null;
                throw new InputFormatException(
                        source,
                        hasAlt ? m.altLine : m.refLine,
                        4,
                        HEADER[3],
                        "pair '%s' of %s has %s ('%s') but no %s"
                                .formatted(
                                        key.pairId(),
                                        key.subset().wireName(),
                                        hasAlt ? "an alt" : "a ref",
                                        hasAlt ? m.altId : m.refId,
                                        hasAlt ? "ref" : "alt"));
            }
            builder.pair(key.subset(), m.altId, m.refId);
        }
    }

    private static void checkHeader(final String source, final String line)
            throws InputFormatException {
        final String[] fields = line.split("\t", -1);
        for (int c = 0; c < HEADER.length; c++) {
            if (c >= fields.length || !fields[c].equals(HEADER[c])) {
                throw new InputFormatException(
                        source,
                        1,
                        c + 1,
                        HEADER[c],
                        "expected the header '%s' but column %d is %s"
                                .formatted(
                                        String.join("<TAB>", HEADER),
                                        c + 1,
                                        c >= fields.length ? "missing" : "'" + fields[c] + "'"));
            }
        }
        if (fields.length > HEADER.length) {
            throw new InputFormatException(
                    source,
                    1,
                    HEADER.length + 1,
                    null,
                    "expected %d columns in the header but found %d"
                            .formatted(HEADER.length, fields.length));
        }
    }

    /** The subset of column 2, or null for "in no subset". */
    private static Subset subset(final String field, final int line, final String source)
            throws InputFormatException {
        if (field.isEmpty() || field.equals(NONE)) {
            return null;
        }
        try {
            return Subset.fromWireName(field);
        } catch (final IllegalArgumentException e) {
            throw new InputFormatException(source, line, 2, HEADER[1], e.getMessage());
        }
    }

    private static void requireNone(
            final String field,
            final int line,
            final int column,
            final String source,
            final Subset subset)
            throws InputFormatException {
        if (!field.isEmpty() && !field.equals(NONE)) {
            throw new InputFormatException(
                    source,
                    line,
                    column,
                    HEADER[column - 1],
                    "'%s' given, but %s has no pairs; leave it empty or '-'"
                            .formatted(
                                    field,
                                    subset == null
                                            ? "a sequence in no subset"
                                            : "subset " + subset.wireName()));
        }
    }

    /** Whether a paired line's role is {@code alt}; otherwise it must be {@code ref}. */
    private static boolean isAlt(
            final String role,
            final int line,
            final int column,
            final String source,
            final Subset subset)
            throws InputFormatException {
        if (role.equals("alt")) {
            return true;
        }
        if (role.equals("ref")) {
            return false;
        }
        throw new InputFormatException(
                source,
                line,
                column,
                HEADER[column - 1],
                "subset %s is paired: role must be 'alt' or 'ref', but was '%s'"
                        .formatted(subset.wireName(), role));
    }

    /** A pair's name within its subset. */
    private record PairKey(Subset subset, String pairId) {}

    /** The members of one pair seen so far, with their lines. */
    private static final class PairMembers {
        private String altId;
        private int altLine;
        private String refId;
        private int refLine;

        void add(
                final String role,
                final String id,
                final int line,
                final int column,
                final String source,
                final Subset subset,
                final String pairId)
                throws InputFormatException {
            final boolean alt = isAlt(role, line, column, source, subset);
            final String existing = alt ? altId : refId;
            if (existing == null) {
                if (alt) {
                    altId = id;
                    altLine = line;
                } else {
                    refId = id;
                    refLine = line;
                }
            } else if (!existing.equals(id)) {
                throw new InputFormatException(
                        source,
                        line,
                        column,
                        HEADER[column - 1],
                        "pair '%s' of %s already has %s '%s' (line %d)"
                                .formatted(
                                        pairId,
                                        subset.wireName(),
                                        alt ? "the alt" : "the ref",
                                        existing,
                                        alt ? altLine : refLine));
            }
        }
    }
}
