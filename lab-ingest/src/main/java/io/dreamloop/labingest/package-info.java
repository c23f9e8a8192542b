/**
 * lab-ingest: turns sort-seq read counts into expression values. It keeps every library the
 * designer publishes so that a run's counts can be matched to library members, and (later) holds
 * the in-silico sort-seq lab.
 */
package io.dreamloop.labingest;
