/**
 * Training runs: when to train (on request, every N new measurements), the DREAM recipe on the
 * stored measurements plus DREAM-format files, evaluation on held-out rows by the challenge's
 * scores, registration and publication of the new version, the champion policy, and each campaign
 * cycle's ensemble scored on its campaign's test library.
 */
package io.dreamloop.trainer.service;
