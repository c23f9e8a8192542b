-- A campaign's test library: <campaign>-test, designed at its start, measured once, never trained
-- on; every cycle's ensemble is scored on it. Campaigns started before it have none.
alter table campaign add column test_per_subset integer default 0 not null;
alter table campaign add column test_subsets varchar(200) default '' not null;
alter table campaign add column test_ga_preset varchar(16) default 'test' not null;
