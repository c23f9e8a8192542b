/** The inbox: ids of events a service has applied, so that a redelivered event has one effect. */
package io.dreamloop.platform.inbox;
