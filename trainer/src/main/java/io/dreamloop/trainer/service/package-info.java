/**
 * Training runs: when to train (on request, every N new measurements), the DREAM recipe on the
 * stored measurements plus DREAM-format files, evaluation on held-out rows by the challenge's
 * scores, registration and publication of the new version, the champion policy, and each campaign
 * cycle's ensemble scored on its campaign's test library.
 *
 * <p>A run's path, one unit per step, each testable alone (their tests use plain constructors and
 * the in-memory {@link io.dreamloop.trainer.service.Transactions}):
 *
 * <ol>
 *   <li>{@link io.dreamloop.trainer.service.TrainingService}, the facade REST and messaging call,
 *       decides when a run starts and stores it as queued;
 *   <li>{@link io.dreamloop.trainer.service.RunQueue} owns the one training thread and the runs'
 *       cancel flags;
 *   <li>{@link io.dreamloop.trainer.service.RunExecutor} executes a run: {@link
 *       io.dreamloop.trainer.service.TrainingData} reads and splits the rows, {@link
 *       io.dreamloop.trainer.service.JobPlanner} chooses the job, {@code DivergenceRetry} trains it
 *       again at a lower rate after a divergence, {@link io.dreamloop.trainer.service.RunStatus}
 *       keeps the run's row and gauges current;
 *   <li>{@link io.dreamloop.trainer.service.ChampionReview} scores the version and the served
 *       champion and applies the policy ({@link io.dreamloop.trainer.service.ChampionDecision});
 *   <li>{@link io.dreamloop.trainer.service.ModelPublishing} registers, publishes and closes the
 *       run in one transaction.
 * </ol>
 *
 * <p>Services throw domain exceptions ({@code platform.error}, {@link
 * io.dreamloop.trainer.service.MalformedFileException}, {@link IllegalArgumentException}); this
 * package must not import HTTP types ({@code jakarta.ws.rs}) or the {@code rest} and {@code
 * messaging} packages, which call it.
 */
package io.dreamloop.trainer.service;
