/** Tests of count-table parsing. */
package io.dreamloop.labingest.ingest;
