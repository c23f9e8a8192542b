/**
 * trainer's tables: the measurements dataset, the model registry, the training runs, the champion
 * the predictor serves, and each campaign cycle's score on its campaign's test library.
 */
package io.dreamloop.trainer.persistence;
