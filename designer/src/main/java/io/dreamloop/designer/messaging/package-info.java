/**
 * designer's event consumers: design requests, published models (which move campaigns on) and
 * recorded measurements (which design-goal campaigns keep for their next GA start).
 */
package io.dreamloop.designer.messaging;
