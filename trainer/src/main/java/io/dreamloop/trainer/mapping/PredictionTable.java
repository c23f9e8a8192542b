package io.dreamloop.trainer.mapping;

import io.dreamloop.trainer.persistence.TrainingRow;
import java.util.List;
import java.util.Map;

/** A cycle's predictions of its campaign's test library beside the measurements, as TSV. */
public final class PredictionTable {
    /** The media type of the table. */
    public static final String MEDIA_TYPE = "text/tab-separated-values";

    /** The header line. */
    public static final String HEADER = "row_id\tsubset\tpair\tmeasured\ttruth\tpredicted\n";

    private PredictionTable() {}

    /**
     * One line per measured row that has a prediction, in the rows' order; {@code truth} is empty
     * for a real lab's measurements, {@code subset} and {@code pair} when the row has none.
     */
    public static String tsv(final List<TrainingRow> rows, final Map<String, Double> predicted) {
        final StringBuilder out = new StringBuilder(HEADER);
        for (final TrainingRow r : rows) {
            final Double p = predicted.get(r.id());
            if (p != null) {
                out.append(r.id())
                        .append('\t')
                        .append(r.subset() == null ? "" : r.subset())
                        .append('\t')
                        .append(r.pairKey() == null ? "" : r.pairKey())
                        .append('\t')
                        .append(r.value())
                        .append('\t')
                        .append(r.truth() == null ? "" : r.truth().toString())
                        .append('\t')
                        .append(p)
                        .append('\n');
            }
        }
        return out.toString();
    }
}
