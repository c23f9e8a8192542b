/** Tests of the measurements TSV. */
package io.dreamloop.labingest.mapping;
