/** Tests of lab-ingest's storage helpers. */
package io.dreamloop.labingest.persistence;
