/**
 * The designer's file layouts: a designed library as TSV or as synthesis-ready FASTA ({@link
 * io.dreamloop.designer.mapping.LibraryFiles}). REST resources call it instead of formatting
 * inline.
 *
 * <p>Reads persistence entities; must not import REST, messaging or the services.
 */
package io.dreamloop.designer.mapping;
