/**
 * Validated DNA value types: {@link io.dreamloop.contracts.sequence.DnaSequence}, the constant
 * {@link io.dreamloop.contracts.sequence.Flanks} around a designed variable region, and the {@link
 * io.dreamloop.contracts.sequence.Subset} a library member belongs to.
 */
package io.dreamloop.contracts.sequence;
