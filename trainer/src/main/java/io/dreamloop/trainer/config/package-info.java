/**
 * The trainer's configuration ({@code dreamloop.trainer.*}), read once through a config mapping,
 * and its vocabularies with their converters: {@code TrainingMode}, {@code ChampionPolicy}, the
 * model size and the estimation method trained on. An unknown name fails startup instead of
 * training on the wrong data.
 *
 * <p>Imports only contracts' vocabularies, the model library's {@code ModelSize} and the training
 * library's defaults; every other trainer package may read it.
 */
package io.dreamloop.trainer.config;
