/** trainer configuration tests. */
package io.dreamloop.trainer.config;
