/**
 * Training runs: when to train (on request, every N new measurements), the DREAM recipe on the
 * stored measurements plus DREAM-format files, evaluation on held-out rows by the challenge's
 * scores, registration and publication of the new version, and the champion policy.
 */
package io.dreamloop.trainer.service;
