package io.dreamloop.trainer.persistence;

/**
 * The part of the dataset on one scale from one estimation method; slices are never mixed silently.
 *
 * @param scale the expression scale
 * @param method the estimation method
 * @param measurements values stored
 * @param runs runs they come from
 */
public record DatasetSlice(String scale, String method, long measurements, long runs) {}
