-- Campaigns: design -> measure -> train -> acquire, cycle after cycle. A cycle's library is
-- <campaign>-c<cycle>; its models are the trainer's ensemble published for that cycle.
create table campaign (
    campaign_id      varchar(128)  primary key,
    goal             varchar(1000) not null,
    strategy         varchar(32)   not null,
    cycles           integer       not null,
    budget           integer       not null,
    candidates       integer       not null,
    min_hamming      integer       not null,
    seed             bigint        not null,
    variable_length  integer       not null,
    status           varchar(16)   not null,
    current_cycle    integer       not null,
    failure          varchar(4000),
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null
);

create table campaign_model (
    campaign_id     varchar(128) not null references campaign (campaign_id),
    cycle           integer      not null,
    ensemble_index  integer      not null,
    ensemble_size   integer      not null,
    model_version   varchar(128) not null,
    held_out_r      double precision,
    published_at    timestamp with time zone not null,
    primary key (campaign_id, cycle, ensemble_index)
);
