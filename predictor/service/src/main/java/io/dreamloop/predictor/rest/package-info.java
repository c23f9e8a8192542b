/**
 * The predictor's HTTP edges: {@code /score} and the model registry ({@code /models}) in the
 * platform's error shape, and GAME ({@link io.dreamloop.predictor.rest.GameResource}), which keeps
 * GAME's. Resources decode, delegate to {@code scoring} and {@code game}, and map errors; they hold
 * no scoring or protocol logic.
 */
package io.dreamloop.predictor.rest;
