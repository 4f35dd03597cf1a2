-- Personal data at rest and retention (issue 7, items 3 and 7). One set of statements for H2 (PostgreSQL mode)
-- and PostgreSQL.

-- Data keys of the content store: one AES-256 key per merchant and calendar month (UTC), kept only wrapped by the
-- master key, which lives outside the database (audit.MasterKey). Destroying a key (crypto-shredding) sets
-- wrapped_key to null and destroyed_at: what it encrypted can no longer be read by anyone.
create table data_key (
    id             varchar(36)  primary key,
    merchant_id    varchar(64)  not null,
    period         varchar(7)   not null,
    master_key_id  varchar(16)  not null,
    wrapped_key    bytea,
    created_at     timestamp with time zone not null,
    destroyed_at   timestamp with time zone,
    unique (merchant_id, period)
);

-- Which data key seals each stored artefact (by its plaintext SHA-256): the retention job finds a key's files here.
create table sealed_content (
    sha256   varchar(64) primary key,
    key_id   varchar(36) not null
);
create index sealed_content_key_idx on sealed_content (key_id);

-- Legal holds: on a whole merchant (guid null) or on one message. While one is active, the data keys of the periods
-- it covers are not destroyed, whatever their age.
create table legal_hold (
    id           varchar(36)  primary key,
    merchant_id  varchar(64)  not null,
    guid         varchar(64),
    reason       varchar(500) not null,
    set_by       varchar(100) not null,
    set_at       timestamp with time zone not null,
    released_by  varchar(100),
    released_at  timestamp with time zone
);
create index legal_hold_merchant_idx on legal_hold (merchant_id);

-- Retention per merchant, in days after the end of the month an artefact was stored in; null: the gateway default
-- (gateway.audit.retention.default-period).
alter table merchant add column retention_days integer;

-- The retention job asks which entries name an artefact.
create index message_log_artefact_idx on message_log (artefact_sha256);
