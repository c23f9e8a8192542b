-- What a design-goal campaign's cycles measured: the designer starts each cycle's GA from the best
-- of them (and their mutants), so the loop builds on what it measured.
create table campaign_measurement (
    campaign_id  varchar(128)     not null references campaign (campaign_id),
    member_id    varchar(256)     not null,
    cycle        integer          not null,
    variable     varchar(1000)    not null,
    measured     double precision not null,
    primary key (campaign_id, member_id)
);
create index campaign_measurement_by_value on campaign_measurement (campaign_id, measured);
