package io.dreamloop.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Small self-contained SVG charts for the run report: no scripts, no external files. */
final class Svg {
    private static final int W = 520;
    private static final int H = 320;
    private static final int LEFT = 56;
    private static final int BOTTOM = 40;
    private static final int TOP = 24;
    private static final int RIGHT = 16;
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"};

    private Svg() {}

    /** Lines of y per x, one per series; null values are gaps. */
    static String lines(
            final String title,
            final String xLabel,
            final String yLabel,
            final Map<String, List<Double>> series) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (final List<Double> s : series.values()) {
            n = Math.max(n, s.size());
            for (final Double v : s) {
                if (v != null) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            return "<p>(" + title + ": no data)</p>";
        }
        final double pad = Math.max(0.02, (hi - lo) * 0.1);
        final Frame f = new Frame(0, Math.max(1, n - 1), lo - pad, hi + pad);
        final StringBuilder svg = f.open(title, xLabel, yLabel);
        int c = 0;
        for (final Map.Entry<String, List<Double>> e : series.entrySet()) {
            final String color = COLORS[c % COLORS.length];
            line(svg, f, e.getValue(), color);
            legend(svg, LEFT + 10, c, color, e.getKey());
            c++;
        }
        return svg.append("</svg>").toString();
    }

    /** One series of {@link #lines}: a dot per value, then the path through them. */
    private static void line(
            final StringBuilder svg, final Frame f, final List<Double> values, final String color) {
        final StringBuilder path = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            final Double v = values.get(i);
            if (v == null) {
                continue;
            }
            path.append(path.isEmpty() ? "M" : " L").append(f.x(i)).append(',').append(f.y(v));
            svg.append(
                    "<circle cx='%.1f' cy='%.1f' r='3' fill='%s'/>"
                            .formatted(f.x(i), f.y(v), color));
        }
        svg.append(
                "<path d='%s' stroke='%s' fill='none' stroke-width='2'/>".formatted(path, color));
    }

    /** A scatter of (x, y) points per series. */
    static String scatter(
            final String title,
            final String xLabel,
            final String yLabel,
            final Map<String, double[][]> series) {
        double xlo = Double.POSITIVE_INFINITY;
        double xhi = Double.NEGATIVE_INFINITY;
        double ylo = Double.POSITIVE_INFINITY;
        double yhi = Double.NEGATIVE_INFINITY;
        for (final double[][] s : series.values()) {
            for (final double[] p : s) {
                xlo = Math.min(xlo, p[0]);
                xhi = Math.max(xhi, p[0]);
                ylo = Math.min(ylo, p[1]);
                yhi = Math.max(yhi, p[1]);
            }
        }
        if (xlo > xhi) {
            return "<p>(" + title + ": no data)</p>";
        }
        final Frame f = new Frame(xlo, xhi + 1e-9, ylo, yhi + 1e-9);
        final StringBuilder svg = f.open(title, xLabel, yLabel);
        int c = 0;
        for (final Map.Entry<String, double[][]> e : series.entrySet()) {
            final String color = COLORS[c % COLORS.length];
            for (final double[] p : e.getValue()) {
                svg.append(
                        "<circle cx='%.1f' cy='%.1f' r='2' fill='%s' fill-opacity='0.5'/>"
                                .formatted(f.x(p[0]), f.y(p[1]), color));
            }
            legend(svg, LEFT + 10, c, color, e.getKey());
            c++;
        }
        return svg.append("</svg>").toString();
    }

    /** Histograms (as outlines over shared bins) of values per series. */
    static String histograms(
            final String title, final String xLabel, final Map<String, double[]> series) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (final double[] s : series.values()) {
            for (final double v : s) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            return "<p>(" + title + ": no data)</p>";
        }
        final int bins = 20;
        final double width = Math.max(1e-9, (hi - lo) / bins);
        double top = 0;
        final Map<String, double[]> shares = new LinkedHashMap<>();
        for (final Map.Entry<String, double[]> e : series.entrySet()) {
            final double[] h = shares(e.getValue(), lo, width, bins);
            for (final double x : h) {
                top = Math.max(top, x);
            }
            shares.put(e.getKey() + " (n=" + e.getValue().length + ")", h);
        }
        final Frame f = new Frame(lo, hi, 0, top * 1.1);
        final StringBuilder svg = f.open(title, xLabel, "share of members");
        int c = 0;
        for (final Map.Entry<String, double[]> e : shares.entrySet()) {
            final String color = COLORS[c % COLORS.length];
            final String path = outline(f, lo, width, e.getValue());
            svg.append(
                    "<path d='%s' stroke='%s' fill='none' stroke-width='2'/>"
                            .formatted(path, color));
            legend(svg, W - RIGHT - 170, c, color, e.getKey());
            c++;
        }
        return svg.append("</svg>").toString();
    }

    /** The share of the values in each of {@code bins} bins of the given width from {@code lo}. */
    private static double[] shares(
            final double[] values, final double lo, final double width, final int bins) {
        final double[] h = new double[bins];
        for (final double v : values) {
            h[Math.min(bins - 1, (int) ((v - lo) / width))] += 1.0 / values.length;
        }
        return h;
    }

    /** The path of a histogram's outline: a step per bin of the given width from {@code lo}. */
    private static String outline(
            final Frame f, final double lo, final double width, final double[] shares) {
        final StringBuilder path = new StringBuilder("M" + f.x(lo) + "," + f.y(0));
        for (int b = 0; b < shares.length; b++) {
            path.append(
                    " L%.1f,%.1f L%.1f,%.1f"
                            .formatted(
                                    f.x(lo + b * width),
                                    f.y(shares[b]),
                                    f.x(lo + (b + 1) * width),
                                    f.y(shares[b])));
        }
        return path.toString();
    }

    private static void legend(
            final StringBuilder svg,
            final int x,
            final int row,
            final String color,
            final String text) {
        svg.append(
                "<text x='%d' y='%d' fill='%s' font-size='12'>%s</text>"
                        .formatted(x, TOP + 16 + 14 * row, color, escape(text)));
    }

    static String escape(final String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("'", "&#39;");
    }

    /** Axes and the data-to-pixel mapping. */
    private record Frame(double xlo, double xhi, double ylo, double yhi) {
        double x(final double v) {
            return LEFT + (v - xlo) / (xhi - xlo) * (W - LEFT - RIGHT);
        }

        double y(final double v) {
            return H - BOTTOM - (v - ylo) / (yhi - ylo) * (H - BOTTOM - TOP);
        }

        StringBuilder open(final String title, final String xLabel, final String yLabel) {
            final StringBuilder svg =
                    new StringBuilder(
                            "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' font-family='sans-serif'>"
                                    .formatted(W, H));
            svg.append(
                    "<text x='%d' y='16' font-size='14' font-weight='bold'>%s</text>"
                            .formatted(LEFT, escape(title)));
            svg.append(
                    "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='black'/>"
                            .formatted(LEFT, H - BOTTOM, W - RIGHT, H - BOTTOM));
            svg.append(
                    "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='black'/>"
                            .formatted(LEFT, TOP, LEFT, H - BOTTOM));
            for (int t = 0; t <= 4; t++) {
                final double xv = xlo + (xhi - xlo) * t / 4;
                final double yv = ylo + (yhi - ylo) * t / 4;
                svg.append(
                        "<text x='%.1f' y='%d' font-size='11' text-anchor='middle'>%s</text>"
                                .formatted(x(xv), H - BOTTOM + 14, label(xv)));
                svg.append(
                        "<text x='%d' y='%.1f' font-size='11' text-anchor='end'>%s</text>"
                                .formatted(LEFT - 4, y(yv) + 4, label(yv)));
            }
            svg.append(
                    "<text x='%d' y='%d' font-size='12' text-anchor='middle'>%s</text>"
                            .formatted((LEFT + W - RIGHT) / 2, H - 6, escape(xLabel)));
            svg.append(
                    "<text x='14' y='%d' font-size='12' text-anchor='middle' transform='rotate(-90 14 %d)'>%s</text>"
                            .formatted(
                                    (TOP + H - BOTTOM) / 2,
                                    (TOP + H - BOTTOM) / 2,
                                    escape(yLabel)));
            return svg;
        }

        private static String label(final double v) {
            return Math.abs(v) >= 100 || v == Math.rint(v)
                    ? String.format(Locale.ROOT, "%.0f", v)
                    : String.format(Locale.ROOT, "%.2f", v);
        }
    }
}
