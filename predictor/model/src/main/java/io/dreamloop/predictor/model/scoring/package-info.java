/**
 * Scoring sequences with a loaded DJL model, the reference way (SPEC §1.7): every sequence is
 * padded and encoded on both strands (the reverse complement with is_reverse = 1, singleton 0, N as
 * 0.25), the model's 18 logits become the expected bin per strand, and the prediction is the mean
 * of the two strands.
 */
package io.dreamloop.predictor.model.scoring;
