-- Sort-seq runs exactly as received (counts per member per bin), and the expression values
-- estimated from them. Raw counts are stored before anything is computed.
create table sortseq_run (
    run_id         varchar(128)  primary key,
    library_id     varchar(128)  not null references library (library_id),
    gates          varchar(8000) not null,
    cells_per_bin  varchar(4000) not null,
    chunk_count    integer       not null,
    estimated      boolean       not null,
    received_at    timestamp with time zone not null
);

create table sortseq_chunk (
    run_id       varchar(128) not null references sortseq_run (run_id),
    chunk_index  integer      not null,
    event_id     uuid         not null,
    primary key (run_id, chunk_index)
);

create table sortseq_count (
    run_id          varchar(128)  not null references sortseq_run (run_id),
    member_id       varchar(128)  not null,
    unsorted_reads  bigint        not null,
    bin_reads       varchar(4000) not null,
    primary key (run_id, member_id)
);

create table measurement (
    run_id      varchar(128) not null references sortseq_run (run_id),
    member_id   varchar(128) not null,
    method      varchar(32)  not null,
    expression  double precision not null,
    reads       bigint       not null,
    singleton   boolean      not null,
    qc_flags    varchar(500) not null,
    primary key (run_id, member_id, method)
);
