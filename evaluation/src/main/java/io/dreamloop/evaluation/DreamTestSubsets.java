package io.dreamloop.evaluation;

import io.dreamloop.contracts.sequence.DnaSequence;
import io.dreamloop.contracts.sequence.Subset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The real DREAM Challenge 2022 test subsets as the challenge repository lists them ({@code
 * data/test_subset_ids/*.csv}, in {@code shared/data/dream2022/test_subsets}): one CSV per subset
 * (pandas' {@code to_csv}: fields with commas double-quoted), single subsets with columns {@code
 * tag, sequence, pos, exp}, paired ones with {@code alt_tag, ref_tag, alt_sequence, ref_sequence,
 * alt_pos, ref_pos, alt_exp, ref_exp}. A sequence's id is its {@code pos}, its row in the
 * challenge's 71,103-row test file; {@code exp} is empty in the public copy. The SNV file is not in
 * that copy, so SNV has no file here.
 */
public final class DreamTestSubsets {

    /** One listed sequence: its subset, id ({@code pos}), sequence and measured value if given. */
    public record Member(Subset subset, String id, DnaSequence sequence, OptionalDouble measured) {
        public Member {
            Objects.requireNonNull(subset, "subset");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(sequence, "sequence");
            Objects.requireNonNull(measured, "measured");
        }
    }

    /** One listed pair of a paired subset: the changed sequence and its reference. */
    public record Pair(Subset subset, Member alt, Member ref) {
        public Pair {
            Objects.requireNonNull(subset, "subset");
            Objects.requireNonNull(alt, "alt");
            Objects.requireNonNull(ref, "ref");
        }
    }

    private static final Map<Subset, String> FILES = new EnumMap<>(Subset.class);

    static {
        FILES.put(Subset.HIGH, "high_exp_seqs.csv");
        FILES.put(Subset.LOW, "low_exp_seqs.csv");
        FILES.put(Subset.NATIVE, "yeast_seqs.csv");
        FILES.put(Subset.RANDOM, "all_random_seqs.csv");
        FILES.put(Subset.CHALLENGING, "challenging_seqs.csv");
        FILES.put(Subset.MOTIF_PERTURBATION, "motif_perturbation_seqs.csv");
        FILES.put(Subset.MOTIF_TILING, "motif_tiling_seqs.csv");
    }

    private DreamTestSubsets() {}

    /**
     * The subsets with a file in the public copy (every subset but SNV), in {@link Subset} order.
     */
    public static List<Subset> listed() {
        return List.copyOf(FILES.keySet());
    }

    /**
     * The rows of a single-sequence subset, in file order (duplicates kept, as listed).
     *
     * @throws IllegalArgumentException when the subset is paired or has no file
     * @throws InputFormatException when a row does not fit the header
     */
    public static List<Member> members(final Path directory, final Subset subset)
            throws IOException, InputFormatException {
        if (subset.paired()) {
            throw new IllegalArgumentException(
                    "subset %s is paired: use pairs()".formatted(subset.wireName()));
        }
        final Table table = Table.read(directory, file(subset));
        final List<Member> out = new ArrayList<>(table.rows.size());
        for (final List<String> row : table.rows) {
            out.add(table.member(subset, row, "pos", "sequence", "exp"));
        }
        return out;
    }

    /**
     * The rows of a paired subset, in file order.
     *
     * @throws IllegalArgumentException when the subset is not paired or has no file
     * @throws InputFormatException when a row does not fit the header
     */
    public static List<Pair> pairs(final Path directory, final Subset subset)
            throws IOException, InputFormatException {
        if (!subset.paired()) {
            throw new IllegalArgumentException(
                    "subset %s is not paired: use members()".formatted(subset.wireName()));
        }
        final Table table = Table.read(directory, file(subset));
        final List<Pair> out = new ArrayList<>(table.rows.size());
        for (final List<String> row : table.rows) {
            out.add(
                    new Pair(
                            subset,
                            table.member(subset, row, "alt_pos", "alt_sequence", "alt_exp"),
                            table.member(subset, row, "ref_pos", "ref_sequence", "ref_exp")));
        }
        return out;
    }

    private static String file(final Subset subset) {
        final String file = FILES.get(subset);
        if (file == null) {
            throw new IllegalArgumentException(
                    "the public copy of the test subsets has no file for " + subset.wireName());
        }
        return file;
    }

    /** A CSV with its header, every row as wide as the header. */
    private record Table(String source, List<String> header, List<List<String>> rows) {

        static Table read(final Path directory, final String file)
                throws IOException, InputFormatException {
            final List<String> lines =
                    Files.readAllLines(directory.resolve(file), StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                throw new InputFormatException(file, 0, 0, null, "empty file");
            }
            final List<String> header = fields(lines.getFirst());
            final List<List<String>> rows = new ArrayList<>(lines.size() - 1);
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                final List<String> row = fields(lines.get(i));
                if (row.size() != header.size()) {
                    throw new InputFormatException(
                            file,
                            i + 1,
                            0,
                            null,
                            "%d fields, but the header has %d"
                                    .formatted(row.size(), header.size()));
                }
                rows.add(row);
            }
            return new Table(file, header, rows);
        }

        Member member(
                final Subset subset,
                final List<String> row,
                final String idColumn,
                final String sequenceColumn,
                final String measuredColumn)
                throws InputFormatException {
            final String measured = row.get(column(measuredColumn));
            return new Member(
                    subset,
                    row.get(column(idColumn)),
                    DnaSequence.of(row.get(column(sequenceColumn))),
                    measured.isEmpty()
                            ? OptionalDouble.empty()
                            : OptionalDouble.of(Double.parseDouble(measured)));
        }

        private int column(final String name) throws InputFormatException {
            final int i = header.indexOf(name);
            if (i < 0) {
                throw new InputFormatException(
                        source, 1, 0, null, "no column '%s' in %s".formatted(name, header));
            }
            return i;
        }
    }

    /** The fields of one CSV line; a double-quoted field may hold commas and doubled quotes. */
    private static List<String> fields(final String line) {
        final List<String> fields = new ArrayList<>();
        final StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            final char c = line.charAt(i);
            if (c == '"' && quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
