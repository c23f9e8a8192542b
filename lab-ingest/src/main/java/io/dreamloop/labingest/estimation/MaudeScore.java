package io.dreamloop.labingest.estimation;

import java.util.Objects;

/**
 * MAUDE's output for one sequence relative to the run's negative controls.
 *
 * @param id the sequence
 * @param mean μ̂
 * @param logLikelihood log L(μ̂)
 * @param z μ̂ − μ_NT, the mean relative to the mean μ̂ of the negative controls
 * @param llRatio log L(μ̂) − log L(μ_NT), how much better μ̂ explains the counts than "no effect"
 */
public record MaudeScore(String id, double mean, double logLikelihood, double z, double llRatio) {
    public MaudeScore {
        Objects.requireNonNull(id, "id");
    }
}
