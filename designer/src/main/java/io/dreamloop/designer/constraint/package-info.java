/**
 * What every designed sequence must satisfy ({@link
 * io.dreamloop.designer.constraint.ConstraintCheck}: length, GC content, homopolymers, forbidden
 * sites, in the oligo's context) and the refusal of a request that cannot be met ({@link
 * io.dreamloop.designer.constraint.UnsatisfiableRequestException}).
 *
 * <p>The bottom of the designer: both the GA ({@code designer.ga}) and the other designs ({@code
 * designer.design}) use it, and it imports only contracts.
 */
package io.dreamloop.designer.constraint;
