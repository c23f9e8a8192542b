package io.dreamloop.evaluation;

import java.util.Locale;

/**
 * Renders a {@link ChallengeScore} as the text table of {@code ./dreamloop evaluate} or as JSON.
 * ASCII only, so the output reads the same on any terminal encoding.
 */
public final class ScoreReport {

    private ScoreReport() {}

    /**
     * A table with one row per scored set (n, r, r², ρ, weight; "-" and the reason for a set that
     * was not scored), then both scores.
     */
    public static String table(final ChallengeScore score) {
        final StringBuilder out = new StringBuilder();
        out.append(
                String.format(
                        Locale.ROOT,
                        "%-27s %7s %8s %8s %8s %6s%n",
                        "set",
                        "n",
                        "r",
                        "r^2",
                        "rho",
                        "weight"));
        for (final SubsetScore s : score.rows()) {
            out.append(row(s)).append(System.lineSeparator());
        }
        out.append(
                String.format(
                        Locale.ROOT,
                        "%nPearson score  (sum w*r^2 / %.2f): %.4f%n",
                        ChallengeWeights.TOTAL,
                        score.pearsonScore()));
        out.append(
                String.format(
                        Locale.ROOT,
                        "Spearman score (sum w*rho / %.2f): %.4f%n",
                        ChallengeWeights.TOTAL,
                        score.spearmanScore()));
        if (!score.complete()) {
            out.append(incomplete(score)).append(System.lineSeparator());
        }
        return out.toString();
    }

    /** One set's row, with the reason when it was not scored. */
    private static String row(final SubsetScore s) {
        final String name = s.paired() ? s.name() + " (pairs)" : s.name();
        final String row =
                String.format(
                        Locale.ROOT,
                        "%-27s %7d %8s %8s %8s %6.2f",
                        name,
                        s.n(),
                        fixed(s.r()),
                        fixed(s.rSquared()),
                        fixed(s.rho()),
                        s.weight());
        return s.scored() ? row : row + "  not scored: " + s.problem();
    }

    /** How many sets were not scored and, when some were, both scores over the scored weight. */
    private static String incomplete(final ChallengeScore score) {
        final String missing =
                String.format(
                        Locale.ROOT,
                        "incomplete: %d of 9 sets not scored (they add 0)",
                        score.problems().size());
        if (score.scoredWeight() > 0) {
            return missing
                    + String.format(
                            Locale.ROOT,
                            "; over the scored weight %.2f only: Pearson %.4f, Spearman %.4f",
                            score.scoredWeight(),
                            score.pearsonScoreOverScored(),
                            score.spearmanScoreOverScored());
        }
        return missing;
    }

    /**
     * One JSON object: {@code pearsonScore}, {@code spearmanScore}, {@code complete}, {@code
     * totalWeight}, {@code scoredWeight}, the two scores over the scored weight, and {@code sets}
     * (name, paired, n, weight, r, r2, rho, problem). Undefined numbers are {@code null}.
     */
    public static String json(final ChallengeScore score) {
        final StringBuilder out = new StringBuilder("{");
        out.append("\"pearsonScore\":").append(number(score.pearsonScore()));
        out.append(",\"spearmanScore\":").append(number(score.spearmanScore()));
        out.append(",\"complete\":").append(score.complete());
        out.append(",\"totalWeight\":").append(number(ChallengeWeights.TOTAL));
        out.append(",\"scoredWeight\":").append(number(score.scoredWeight()));
        out.append(",\"pearsonScoreOverScored\":").append(number(score.pearsonScoreOverScored()));
        out.append(",\"spearmanScoreOverScored\":").append(number(score.spearmanScoreOverScored()));
        out.append(",\"sets\":[");
        boolean first = true;
        for (final SubsetScore s : score.rows()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append("{\"name\":").append(string(s.name()));
            out.append(",\"paired\":").append(s.paired());
            out.append(",\"n\":").append(s.n());
            out.append(",\"weight\":").append(number(s.weight()));
            out.append(",\"r\":").append(number(s.r()));
            out.append(",\"r2\":").append(number(s.rSquared()));
            out.append(",\"rho\":").append(number(s.rho()));
            out.append(",\"problem\":").append(s.problem() == null ? "null" : string(s.problem()));
            out.append('}');
        }
        return out.append("]}").toString();
    }

    private static String fixed(final double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String number(final double value) {
        return Double.isFinite(value) ? Double.toString(value) : "null";
    }

    private static String string(final String text) {
        final StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
