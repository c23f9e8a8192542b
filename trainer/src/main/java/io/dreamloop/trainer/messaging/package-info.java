/**
 * The trainer's thin Kafka edges: {@code MeasurementsRecordedConsumer} stores each measurements
 * chunk (idempotently, through the platform's inbox) and tells {@code trainer.service} what it
 * completed; {@code ModelPublishedConsumer} records the champion the predictor serves, whatever its
 * origin, so new versions are judged against it.
 *
 * <p>Must not import the REST layer; holds no training logic of its own.
 */
package io.dreamloop.trainer.messaging;
