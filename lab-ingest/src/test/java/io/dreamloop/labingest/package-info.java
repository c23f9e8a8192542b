/** lab-ingest tests. */
package io.dreamloop.labingest;
