-- The in-silico lab's truth of a measurement (null for a real lab's), and each campaign cycle's
-- ensemble scored on the campaign's test library: measurements with a campaign and no cycle, never
-- trained on.
alter table measurement add column truth double precision;

create table campaign_evaluation (
    campaign_id     varchar(128)  not null,
    cycle           integer       not null,
    ensemble_size   integer       not null,
    model_versions  varchar(4000) not null,
    test_rows       integer       not null,
    metrics         text          not null,
    -- the ensemble's prediction of each test row: "<row id>\t<prediction>" lines
    predictions     text          not null,
    evaluated_at    timestamp with time zone not null,
    primary key (campaign_id, cycle)
);
