-- Negative controls of a run, MAUDE's full output per measurement, and the rows of an uploaded
-- count table whose sequence is not in the library (a QC count, kept with the run).
alter table sortseq_run add column negative_controls varchar(8000) default '' not null;

alter table measurement add column log_likelihood double precision;
alter table measurement add column z_score double precision;
alter table measurement add column ll_ratio double precision;
-- cells behind an estimate: sum over bins of (member's share of the bin's reads) x (bin's cells)
alter table measurement add column cells double precision;

create table sortseq_unmatched (
    run_id    varchar(128)  not null references sortseq_run (run_id),
    line      integer       not null,
    row_key   varchar(2000) not null,
    reads     bigint        not null,
    primary key (run_id, line)
);
