/**
 * The inbox: ids of events a service has applied, written in the same transaction as the event's
 * effect, so that a redelivered event ({@code at-least-once} delivery) has one effect.
 *
 * <p>Imports only contracts' events and {@code platform.persistence}; consumers call it, it never
 * calls them.
 */
package io.dreamloop.platform.inbox;
