/**
 * The predictor side of the de Boer lab's Genomic API for Model Evaluation (GAME; SPEC §7): what a
 * request means ({@link io.dreamloop.predictor.game.GameRequest}, read and checked whole by {@link
 * io.dreamloop.predictor.game.GameRequestReader} before anything is scored), how each sequence
 * becomes a DREAM model input ({@link io.dreamloop.predictor.game.ModelInputs}), and the answers
 * and GAME-shaped errors ({@link io.dreamloop.predictor.game.GamePredictor}, {@link
 * io.dreamloop.predictor.game.GameException}).
 *
 * <p>Nothing here knows HTTP: {@code predictor.rest.GameResource} is the edge. This package must
 * not import {@code jakarta.ws.rs}.
 */
package io.dreamloop.predictor.game;
