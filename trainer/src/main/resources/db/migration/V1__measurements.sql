-- Every measurement ever recorded, with its lineage: the trainer's dataset. One value per
-- member per run per estimation method (a run is estimated by MAUDE and by the bin-weighted mean).
create table measurement (
    run_id      varchar(128)  not null,
    member_id   varchar(128)  not null,
    library_id  varchar(128)  not null,
    sequence    varchar(2000) not null,
    expression  double precision not null,
    scale       varchar(32)   not null,
    method      varchar(64)   not null,
    reads       bigint        not null,
    singleton   boolean       not null,
    qc_flags    varchar(1000) not null,
    event_id    uuid          not null,
    recorded_at timestamp with time zone not null,
    primary key (run_id, member_id, method)
);
create index measurement_scale on measurement (scale, method);
