/** trainer's event consumers. */
package io.dreamloop.trainer.messaging;
