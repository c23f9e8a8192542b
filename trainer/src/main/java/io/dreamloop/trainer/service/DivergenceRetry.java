package io.dreamloop.trainer.service;

import io.dreamloop.training.TrainingCancelledException;
import io.dreamloop.training.TrainingDivergedException;
import io.dreamloop.training.TrainingJob;
import io.quarkus.logging.Log;
import java.util.Objects;

/**
 * Trains a job again, from the same start with half the peak learning rate, when it diverges: five
 * non-finite steps in a row (a single bad backward pass is skipped by the loop) mean the weights
 * themselves diverged. At most {@value #MAX_ATTEMPTS} attempts.
 */
final class DivergenceRetry {
    static final int MAX_ATTEMPTS = 3;

    private DivergenceRetry() {}

    /** One attempt at training a job. */
    @FunctionalInterface
    interface Attempt<R> {
        R train(TrainingJob job) throws TrainingCancelledException;
    }

    /**
     * The job that trained and its result.
     *
     * @param job the last attempt's job (its recipe is what the model was trained with)
     * @param result what that attempt returned
     */
    record Trained<R>(TrainingJob job, R result) {
        Trained {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * Runs {@code attempt} on the job, halving its peak rate after each divergence.
     *
     * @throws TrainingDivergedException when the last attempt diverges too
     * @throws TrainingCancelledException when an attempt is cancelled
     */
    static <R> Trained<R> train(
            final String runId, final TrainingJob first, final Attempt<R> attempt)
            throws TrainingCancelledException {
        TrainingJob job = first;
        for (int n = 1; ; n++) {
            try {
                return new Trained<>(job, attempt.train(job));
            } catch (final TrainingDivergedException e) {
                if (n >= MAX_ATTEMPTS) {
                    throw e;
                }
                final double lower = job.recipe().maxLr() / 2;
                Log.warnf(
                        "run %s: %s; retrying with peak learning rate %.2g",
                        runId, e.getMessage(), lower);
                job = job.withRecipe(job.recipe().withMaxLr(lower));
            }
        }
    }
}
