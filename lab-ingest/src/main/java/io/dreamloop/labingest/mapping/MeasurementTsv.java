package io.dreamloop.labingest.mapping;

import io.dreamloop.labingest.persistence.StoredMeasurement;
import java.util.List;

/** A run's measurements as a tab-separated table, one row per member and method. */
public final class MeasurementTsv {

    /** The table's media type. */
    public static final String MEDIA_TYPE = "text/tab-separated-values";

    /** The header row, the columns in order. */
    static final String HEADER =
            "member_id\tmethod\texpression\treads\tcells\tsingleton\tqc_flags\tlog_likelihood\tz\tll_ratio\n";

    private MeasurementTsv() {}

    /**
     * The table: cells rounded to two decimals (they are expected counts), absent MAUDE fields as
     * empty cells.
     *
     * @param rows the measurements, in the order to write
     * @return the header and one line per measurement
     */
    public static String of(final List<StoredMeasurement> rows) {
        final StringBuilder out = new StringBuilder(HEADER);
        for (final StoredMeasurement m : rows) {
            out.append(m.memberId())
                    .append('\t')
                    .append(m.method())
                    .append('\t')
                    .append(m.expression())
                    .append('\t')
                    .append(m.reads())
                    .append('\t')
                    .append(Math.round(m.cells() * 100) / 100.0)
                    .append('\t')
                    .append(m.singleton())
                    .append('\t')
                    .append(String.join(",", m.qcFlags()))
                    .append('\t')
                    .append(orEmpty(m.logLikelihood()))
                    .append('\t')
                    .append(orEmpty(m.z()))
                    .append('\t')
                    .append(orEmpty(m.llRatio()))
                    .append('\n');
        }
        return out.toString();
    }

    private static Object orEmpty(final Double value) {
        return value == null ? "" : value;
    }
}
