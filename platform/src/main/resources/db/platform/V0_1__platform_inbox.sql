-- The inbox of applied event ids (io.dreamloop.platform.inbox). Portable between PostgreSQL and
-- H2 in PostgreSQL mode: both the production database and the embedded one run this file.
create table processed_event (
    event_id     uuid primary key,
    event_type   varchar(64)  not null,
    topic        varchar(249) not null,
    processed_at timestamp with time zone not null
);
