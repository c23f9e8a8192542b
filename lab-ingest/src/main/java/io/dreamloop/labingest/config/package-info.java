/** lab-ingest configuration ({@code dreamloop.lab-ingest.*}). */
package io.dreamloop.labingest.config;
