/** lab-ingest's tables: libraries, the chunks received and their members. */
package io.dreamloop.labingest.persistence;
