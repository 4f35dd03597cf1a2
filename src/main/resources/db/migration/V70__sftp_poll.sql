-- Polling merchants' own SFTP servers: one source per merchant, as an alternative to uploading to the hosted
-- server. Secrets are never stored here: the private key and the password stay in files (or an environment
-- variable) that the row only names. One set of migrations serves H2 (PostgreSQL mode) and PostgreSQL.
create table sftp_poll_source (
    merchant_id       varchar(64)   primary key references merchant (id),
    host              varchar(255)  not null,
    port              integer       not null default 22,
    username          varchar(128)  not null,
    -- OpenSSH known_hosts line(s) for this server, e.g. from ssh-keyscan, fingerprint checked with the merchant.
    -- Without it the merchant is not polled.
    known_hosts       varchar(8000),
    private_key_file  varchar(1024),
    password_file     varchar(1024),
    password_env      varchar(128),
    remote_inbox      varchar(255)  not null default 'inbox',
    remote_archive    varchar(255)  not null default 'archive',
    remote_errors     varchar(255)  not null default 'errors',
    -- Only files with a matching <name>.sha256 beside them are taken.
    require_checksum  boolean       not null default false,
    poll_interval_ms  bigint        not null default 60000,
    enabled           boolean       not null default true
);

-- Where an SFTP file came from (HOSTED: uploaded to the gateway's server; POLLED: fetched from the merchant's
-- own), and when its results were copied back to the merchant's server (POLLED only).
alter table sftp_upload add column source varchar(16) not null default 'HOSTED';
alter table sftp_upload add column pushed_at timestamp with time zone;
