-- The champion the predictor serves, as the trainer learns it from model-published (whatever its
-- origin: trained here, imported, published by another producer): one row, replaced by each
-- champion event. A new version is compared with it on the run's held-out rows.
create table served_champion (
    slot             varchar(32)   primary key,
    model_version    varchar(128)  not null,
    architecture     varchar(32)   not null,
    artifact_sha256  varchar(64)   not null,
    artifact_uri     varchar(2000) not null,
    format           varchar(32),
    origin           varchar(16)   not null,
    published_at     timestamp with time zone not null,
    recorded_at      timestamp with time zone not null
);
-- Before this table the trainer's own champion was the one served.
insert into served_champion (slot, model_version, architecture, artifact_sha256, artifact_uri,
                             format, origin, published_at, recorded_at)
select 'predictor', version, architecture, artifact_sha256, artifact_uri, 'djl', 'TRAINED',
       created_at, created_at
from model_version where champion = true order by created_at desc limit 1;

-- Each finished run's champion decision: its held-out r, the served version it was compared with
-- and that version's r on the same rows (the sentence is the run's reason).
alter table training_run add column champion boolean;
alter table training_run add column held_out_r double precision;
alter table training_run add column served_version varchar(128);
alter table training_run add column served_r double precision;
