/** predictor's HTTP API. */
package io.dreamloop.predictor.rest;
