-- DREAM-format files uploaded into the dataset (POST /dataset/files): one row per distinct content,
-- so the same file again adds nothing. Their rows are in measurement, under run_id = file_id.
create table dataset_file (
    file_id      varchar(128)  primary key,
    name         varchar(1000) not null,
    sha256       varchar(64)   not null,
    row_count    integer       not null,
    uploaded_at  timestamp with time zone not null
);
-- Lineage looks measurements up by sequence.
create index measurement_sequence on measurement (sequence);
