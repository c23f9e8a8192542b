/**
 * The trainer's HTTP API: the dataset (measurements and DREAM-format files), training runs (start,
 * follow, cancel), model versions and the served champion, and each campaign's evaluation on its
 * test library ({@code trainer.mapping} writes the TSV). Resources decode, delegate to {@code
 * trainer.service} and {@code trainer.persistence}, and map domain exceptions ({@code
 * DatasetFileErrors}); the views are records that shape the JSON.
 *
 * <p>Nothing imports this package.
 */
package io.dreamloop.trainer.rest;
