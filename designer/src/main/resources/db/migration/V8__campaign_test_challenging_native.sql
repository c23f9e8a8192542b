-- The inputs of a campaign's test library's challenging and native subsets: the model set against
-- the champion, and the promoter sequences (FASTA) the native fragments are cut from. Null when
-- the test library has no such subset.
alter table campaign add column test_challenger varchar(128);
alter table campaign add column test_native_promoters varchar(1000000);
