/** Tests of the in-silico ground-truth model: motif parsing, scoring and occupancy effects. */
package io.dreamloop.labingest.insilico;
