/** predictor's event consumers. */
package io.dreamloop.predictor.messaging;
