-- Subset and pair of each measured member (evaluation per subset), the model registry and the
-- training runs with their live progress.
alter table measurement add column subset varchar(32);
alter table measurement add column pair_id varchar(128);

create table model_version (
    version          varchar(128)  primary key,
    parent_version   varchar(128),
    architecture     varchar(32)   not null,
    configuration    varchar(8000) not null,
    recipe           varchar(4000) not null,
    training_data    varchar(4000) not null,
    metrics          varchar(16000) not null,
    validation_r     double precision not null,
    artifact_sha256  varchar(64)   not null,
    artifact_uri     varchar(2000) not null,
    champion         boolean       not null,
    training_run     varchar(128)  not null,
    created_at       timestamp with time zone not null
);

create table training_run (
    run_id              varchar(128)  primary key,
    state               varchar(16)   not null,
    trigger_reason      varchar(200)  not null,
    architecture        varchar(32)   not null,
    mode                varchar(16)   not null,
    reason              varchar(4000),
    epoch               integer       not null,
    epochs              integer       not null,
    step                bigint        not null,
    total_steps         bigint        not null,
    loss                double precision,
    validation_r        double precision,
    examples_per_second double precision,
    training_rows       integer       not null,
    validation_rows     integer       not null,
    measurements_seen   bigint        not null,
    model_version       varchar(128),
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null
);
