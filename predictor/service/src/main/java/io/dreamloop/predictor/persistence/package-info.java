/** predictor's tables: the registry of model versions. */
package io.dreamloop.predictor.persistence;
