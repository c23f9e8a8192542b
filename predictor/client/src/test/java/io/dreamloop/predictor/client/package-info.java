/** Tests of the scoring client: reply routing, what a request names, what the client reads. */
package io.dreamloop.predictor.client;
