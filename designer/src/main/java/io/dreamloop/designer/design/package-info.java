/**
 * Library generators. Each works on {@link io.dreamloop.contracts.sequence.DnaSequence} and a
 * seeded random generator, so the same request always gives the same library.
 */
package io.dreamloop.designer.design;
