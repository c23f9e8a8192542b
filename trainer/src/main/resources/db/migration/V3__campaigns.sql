-- Campaign lineage of each measurement (a campaign trains on its own measurements), the chunks
-- received per run and method (a campaign cycle trains once its run is complete), and the
-- campaign, cycle and ensemble member of each training run.
alter table measurement add column campaign_id varchar(128);
alter table measurement add column cycle integer;
create index measurement_campaign on measurement (campaign_id);

create table measurement_chunk (
    run_id       varchar(128) not null,
    method       varchar(64)  not null,
    chunk_index  integer      not null,
    chunk_count  integer      not null,
    campaign_id  varchar(128),
    cycle        integer,
    primary key (run_id, method, chunk_index)
);

alter table training_run add column campaign_id varchar(128);
alter table training_run add column cycle integer;
alter table training_run add column ensemble_index integer;
alter table training_run add column ensemble_size integer;
