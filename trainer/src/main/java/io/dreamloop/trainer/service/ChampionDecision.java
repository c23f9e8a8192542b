package io.dreamloop.trainer.service;

import io.dreamloop.trainer.config.ChampionPolicy;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a new version becomes champion and why, in one sentence with both numbers, e.g. {@code
 * not champion: held-out r 0.3451 < 0.6120 of dream-cnn-demo (served by the predictor, TorchScript
 * import)}.
 *
 * @param becomesChampion whether it becomes the version the predictor serves by default
 * @param reason the sentence, starting with {@code champion} or {@code not champion}
 * @param heldOutR the new version's held-out Pearson r
 * @param servedVersion the served champion it was compared with; null when none is served
 * @param servedR the served champion's Pearson r on the same rows; null when none is served or it
 *     could not be loaded
 */
public record ChampionDecision(
        boolean becomesChampion,
        String reason,
        double heldOutR,
        String servedVersion,
        Double servedR) {

    public ChampionDecision {
        if (Objects.requireNonNull(reason, "reason").isBlank()) {
            throw new IllegalArgumentException("a champion decision needs a reason");
        }
        if (servedR != null && servedVersion == null) {
            throw new IllegalArgumentException(
                    "served r %s without a served version".formatted(servedR));
        }
    }

    /**
     * The champion the predictor serves, as evaluated on a run's held-out rows: scored, or not
     * loadable.
     *
     * @param version its version
     * @param description its origin for the sentence, e.g. {@code TorchScript import}
     * @param r its held-out Pearson r; null when it could not be loaded or scored
     * @param failure why it could not be loaded or scored; null when it was scored
     */
    public record Served(String version, String description, Double r, String failure) {
        public Served {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(description, "description");
            if ((r == null) == (failure == null)) {
                throw new IllegalArgumentException(
                        "a served champion is either scored or not loadable, not %s and %s"
                                .formatted(r, failure));
            }
        }

        /** Scored on the held-out rows. */
        public static Served scored(
                final String version, final String description, final double r) {
            return new Served(version, description, r, null);
        }

        /** Could not be loaded or scored. */
        public static Served unloadable(
                final String version, final String description, final String failure) {
            return new Served(version, description, null, failure);
        }

        /** E.g. {@code dream-cnn-demo (served by the predictor, TorchScript import)}. */
        String named() {
            return "%s (served by the predictor, %s)".formatted(version, description);
        }
    }

    /**
     * Decides on a new version.
     *
     * <p>{@code not-worse}: champion when nothing is served, or when its r is at least the served
     * champion's on the same rows (an r that is not a number counts as the worst); not champion
     * when the served champion could not be loaded (there is nothing to compare with, and the
     * served one may well be better). {@code always} and {@code never} decide alone; the sentence
     * still carries both numbers.
     *
     * @param policy the policy of the run
     * @param heldOutR the new version's held-out Pearson r
     * @param served the served champion evaluated on the same rows; empty when none is served
     */
    public static ChampionDecision decide(
            final ChampionPolicy policy, final double heldOutR, final Optional<Served> served) {
        Objects.requireNonNull(policy, "policy");
        final String ours = "held-out r " + number(heldOutR);
        if (served.isEmpty()) {
            return withNothingServed(policy, ours, heldOutR);
        }
        final Served s = served.get();
        if (s.r() == null) {
            return againstUnloadable(policy, ours, heldOutR, s);
        }
        return againstScored(policy, ours, heldOutR, s);
    }

    private static ChampionDecision withNothingServed(
            final ChampionPolicy policy, final String ours, final double heldOutR) {
        final String none = ours + "; the predictor serves no champion yet";
        return switch (policy) {
            case ALWAYS -> of(true, "champion (policy always): " + none, heldOutR, null);
            case NEVER -> of(false, "not champion (policy never): " + none, heldOutR, null);
            case NOT_WORSE -> of(true, "champion: " + none, heldOutR, null);
        };
    }

    private static ChampionDecision againstUnloadable(
            final ChampionPolicy policy, final String ours, final double heldOutR, final Served s) {
        final String unloadable =
                "%s, but %s could not be loaded to score the same rows: %s"
                        .formatted(ours, s.named(), s.failure());
        return switch (policy) {
            case ALWAYS -> of(true, "champion (policy always): " + unloadable, heldOutR, s);
            case NEVER -> of(false, "not champion (policy never): " + unloadable, heldOutR, s);
            case NOT_WORSE -> of(false, "not champion: " + unloadable, heldOutR, s);
        };
    }

    private static ChampionDecision againstScored(
            final ChampionPolicy policy, final String ours, final double heldOutR, final Served s) {
        final String both = "%s, %s of %s".formatted(ours, number(s.r()), s.named());
        return switch (policy) {
            case ALWAYS -> of(true, "champion (policy always): " + both, heldOutR, s);
            case NEVER -> of(false, "not champion (policy never): " + both, heldOutR, s);
            case NOT_WORSE -> {
                final boolean notWorse = rank(heldOutR) >= rank(s.r());
                yield of(
                        notWorse,
                        "%s: %s %s %s of %s"
                                .formatted(
                                        notWorse ? "champion" : "not champion",
                                        ours,
                                        notWorse ? ">=" : "<",
                                        number(s.r()),
                                        s.named()),
                        heldOutR,
                        s);
            }
        };
    }

    private static ChampionDecision of(
            final boolean champion, final String reason, final double r, final Served served) {
        return new ChampionDecision(
                champion,
                reason,
                r,
                served == null ? null : served.version(),
                served == null ? null : served.r());
    }

    /** NaN (e.g. constant predictions) ranks below every r. */
    private static double rank(final double r) {
        return Double.isNaN(r) ? Double.NEGATIVE_INFINITY : r;
    }

    private static String number(final double r) {
        return String.format(Locale.ROOT, "%.4f", r);
    }
}
