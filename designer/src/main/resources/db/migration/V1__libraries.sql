-- Libraries the designer made, with the provenance that makes them reproducible.
create table designed_library (
    library_id       varchar(128) primary key,
    status           varchar(16)  not null,
    requested_event  uuid         not null,
    seed             bigint       not null,
    variable_length  integer      not null,
    upstream         varchar(2000) not null,
    downstream       varchar(2000) not null,
    designer         varchar(128) not null,
    total_members    integer      not null,
    chunk_count      integer      not null,
    failure          varchar(4000),
    created_at       timestamp with time zone not null
);

create table designed_member (
    library_id  varchar(128)  not null references designed_library (library_id),
    member_id   varchar(128)  not null,
    ordinal     integer       not null,
    subset      varchar(32)   not null,
    pair_id     varchar(128),
    variable    varchar(2000) not null,
    method      varchar(128)  not null,
    primary key (library_id, member_id)
);
