-- A run whose estimation failed after its counts were stored: the reason, shown by GET /runs/{id};
-- such a run can be uploaded again under its id. Negative controls may be many (a file part or a
-- column of the count table), so their column grows.
alter table sortseq_run add column failure varchar(2000);
alter table sortseq_run alter column negative_controls set data type varchar(1000000);
