/**
 * lab-ingest's use cases: store a sort-seq run as received, and once all of it is there, estimate
 * every member's expression (MAUDE and the bin-weighted mean) and publish measurements-recorded.
 */
package io.dreamloop.labingest.service;
