/**
 * lab-ingest configuration ({@code dreamloop.lab-ingest.*}): the one {@code @ConfigMapping} of the
 * service, with its defaults.
 *
 * <p>Owns: configuration keys and defaults. Must not import any other lab-ingest package, nor
 * Quarkus beyond the SmallRye config annotations: every other package reads settings from here.
 */
package io.dreamloop.labingest.config;
