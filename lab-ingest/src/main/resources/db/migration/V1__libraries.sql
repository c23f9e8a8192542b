-- Libraries as received from the designer, so sort-seq runs can be matched to their members.
create table library (
    library_id     varchar(128) primary key,
    total_members  integer      not null,
    chunk_count    integer      not null,
    designer       varchar(128) not null,
    seed           bigint       not null,
    upstream       varchar(2000) not null,
    downstream     varchar(2000) not null,
    first_seen_at  timestamp with time zone not null
);

create table library_chunk (
    library_id   varchar(128) not null references library (library_id),
    chunk_index  integer      not null,
    members      integer      not null,
    event_id     uuid         not null,
    received_at  timestamp with time zone not null,
    primary key (library_id, chunk_index)
);

create table library_member (
    library_id  varchar(128)  not null references library (library_id),
    member_id   varchar(128)  not null,
    subset      varchar(32)   not null,
    pair_id     varchar(128),
    variable    varchar(2000) not null,
    method      varchar(128)  not null,
    primary key (library_id, member_id)
);
