/**
 * The trainer's file layouts ({@link io.dreamloop.trainer.mapping.PredictionTable}: a cycle's
 * test-library predictions as TSV). REST resources call it instead of formatting inline.
 *
 * <p>Reads persistence rows; must not import REST, messaging or the services.
 */
package io.dreamloop.trainer.mapping;
