/** trainer configuration ({@code dreamloop.trainer.*}). */
package io.dreamloop.trainer.config;
