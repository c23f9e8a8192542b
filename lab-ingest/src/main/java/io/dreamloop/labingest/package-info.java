/**
 * lab-ingest: turns sort-seq read counts into expression values. It keeps every library the
 * designer publishes so that a run's counts can be matched to library members, estimates expression
 * ({@code estimation}), and holds the in-silico sort-seq lab ({@code insilico}).
 *
 * <p>Layers, each package saying what it owns: edges ({@code rest}, {@code messaging}) call {@code
 * service}; {@code service} uses {@code ingest}, {@code estimation}, {@code insilico} and {@code
 * persistence}; {@code mapping} writes answers' file formats. The plain-Java packages ({@code
 * estimation}, {@code insilico}, {@code ingest}) import no framework.
 */
package io.dreamloop.labingest;
