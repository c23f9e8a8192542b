/** trainer's HTTP API. */
package io.dreamloop.trainer.rest;
