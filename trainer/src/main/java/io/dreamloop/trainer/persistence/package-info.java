/** trainer's tables: the measurements dataset. */
package io.dreamloop.trainer.persistence;
