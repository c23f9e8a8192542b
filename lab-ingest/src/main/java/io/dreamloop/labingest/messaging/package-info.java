/** lab-ingest's event consumers. */
package io.dreamloop.labingest.messaging;
