/**
 * How vocabularies (enums such as subsets, expression scales, architectures, champion policies) are
 * named outside the code: {@link io.dreamloop.contracts.vocabulary.WireNames} is the one rule and
 * the one error message. Imports nothing of dreamloop, so every package may use it.
 */
package io.dreamloop.contracts.vocabulary;
