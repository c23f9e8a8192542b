/** lab-ingest's HTTP API. */
package io.dreamloop.labingest.rest;
