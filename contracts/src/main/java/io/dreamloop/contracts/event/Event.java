package io.dreamloop.contracts.event;

/** An event of the dreamloop loop. The permitted types are the whole event vocabulary. */
public sealed interface Event
        permits DesignRequested,
                ScoreRequested,
                ScoresComputed,
                LibraryDesigned,
                SortSeqRunSubmitted,
                MeasurementsRecorded,
                ModelPublished,
                DeadLetter {

    EventHeader header();

    /** The Kafka record key: events with the same key keep their order (one partition). */
    String key();
}
