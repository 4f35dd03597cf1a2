-- H2 only (db/vendor/h2). H2 hands out identity values from a cache of 32 and, when it runs out, writes the
-- sequence in a transaction of its own: a commit, on which H2 stores every page changed since the last one,
-- including those of the batch being processed. An order takes six identities (five log entries and its outbox
-- row), so H2 stored everything about every five orders whatever the batch size. A cache of 1000 keeps values
-- in order (H2's sequence is shared by all sessions) and costs at most a gap after a crash.
-- Not on PostgreSQL: there a cache belongs to one session, and values would stop following the insert order that
-- queries sorting by id rely on (latest declaration of an order, latest receipt).
alter table message_log alter column id set cache 1000;
alter table outbox_message alter column id set cache 1000;
alter table delivery_attempt alter column id set cache 1000;
alter table customs_receipt alter column id set cache 1000;
alter table submission_error alter column id set cache 1000;
alter table webhook_delivery alter column id set cache 1000;
