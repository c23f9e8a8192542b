/**
 * lab-ingest's use cases: store a sort-seq run as received (from the topic or uploaded as files),
 * and once all of it is there, estimate every member's expression (MAUDE and the bin-weighted mean)
 * and publish measurements-recorded; run reports; the in-silico lab's CDI edge ({@code
 * InSilicoLab}, which configures the {@code insilico} package and publishes its runs).
 *
 * <p>Owns: transactions and what is published when. Throws domain exceptions ({@code
 * platform.error}, {@code ingest.CountTableException}) that {@code rest} maps; must not import
 * {@code rest}, {@code messaging}, {@code mapping} or any {@code jakarta.ws.rs} type.
 */
package io.dreamloop.labingest.service;
