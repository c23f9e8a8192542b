/**
 * Tests of DREAM training, and the test-only assay trainer ({@code AssayTable}, {@code AssayJob},
 * {@code AssayTrainer}, {@code AssayResult}): a regression head with one output per measured
 * activity (STARR-seq, MPRA) and an MSE loss, which no service runs yet; it stays here as the
 * second {@code TrainingLoop.Task} that keeps the loop general.
 */
package io.dreamloop.training;
