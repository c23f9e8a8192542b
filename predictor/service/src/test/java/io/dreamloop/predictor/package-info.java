/** predictor service tests. */
package io.dreamloop.predictor;
