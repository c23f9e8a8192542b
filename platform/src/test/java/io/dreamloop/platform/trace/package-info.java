/** Tests of trace ids and their propagation. */
package io.dreamloop.platform.trace;
