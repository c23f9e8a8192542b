/**
 * trainer's tables: the measurements dataset, the model registry, the training runs and the
 * champion the predictor serves.
 */
package io.dreamloop.trainer.persistence;
