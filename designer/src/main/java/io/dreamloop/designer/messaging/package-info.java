/** designer's event consumers. */
package io.dreamloop.designer.messaging;
