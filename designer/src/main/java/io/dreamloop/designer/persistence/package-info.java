/** designer's tables: designed libraries with their provenance, and their members in order. */
package io.dreamloop.designer.persistence;
