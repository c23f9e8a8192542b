/** predictor configuration ({@code dreamloop.predictor.*}). */
package io.dreamloop.predictor.config;
