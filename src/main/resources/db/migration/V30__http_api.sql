-- HTTP API hardening and operator endpoints (issue 9).

-- Idempotency-Key: one row per (merchant, key). The primary key is the guard against concurrent duplicates: of two
-- requests racing with the same key, exactly one insert succeeds. A row is IN_PROGRESS while its request runs and
-- DONE with the answer (status, body, Location) once it has one; request_sha256 is the SHA-256 of the request body.
create table idempotency_record (
    merchant_id        varchar(64)   not null references merchant (id),
    idempotency_key    varchar(255)  not null,
    state              varchar(16)   not null,
    request_sha256     varchar(64),
    response_status    integer,
    response_type      varchar(100),
    response_location  varchar(500),
    response_body      varchar(20000),
    created_at         timestamp with time zone not null,
    expires_at         timestamp with time zone not null,
    primary key (merchant_id, idempotency_key)
);
create index idempotency_record_expiry_idx on idempotency_record (expires_at);

-- Credentials of the operator API (/api/v1/operator) and of the metrics endpoint, separate from merchants' keys
-- and from the auditor token. Only the SHA-256 of a token is kept.
create table operator_credential (
    id            varchar(36)  primary key,
    role          varchar(16)  not null,
    token_sha256  varchar(64)  not null unique,
    created_at    timestamp with time zone not null,
    revoked_at    timestamp with time zone
);

-- Rotation: an operator names a key when issuing it, so the list tells keys apart by more than their prefix.
alter table merchant_api_key add column label varchar(100);
create index merchant_api_key_merchant_idx on merchant_api_key (merchant_id, created_at);

-- A merchant's own request rate (requests per second, burst); null keeps the gateway's default.
alter table merchant add column requests_per_second integer;
alter table merchant add column request_burst integer;
