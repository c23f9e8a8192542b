/**
 * designer's tables: designed libraries with their provenance, and their members in order;
 * campaigns with their cycles' models, and what design-goal campaigns measured.
 */
package io.dreamloop.designer.persistence;
