/** trainer service tests. */
package io.dreamloop.trainer.service;
