-- Tips as submitted. Routing metadata (school, category, "happening now", time) stays in the clear so
-- that queues and routing need no decryption; everything the reporter wrote is in `body`, sealed with
-- the tip's own data key (AES-256-GCM). The data key itself lives in tip_key, wrapped by a KEK:
-- deleting that row crypto-shreds the tip.

create table tip (
    id                   uuid primary key,
    reference            text        not null,
    school_id            uuid        references school (id),
    category             text        not null,
    happening_now        boolean     not null,
    status               text        not null default 'NEW'
                                     check (status in ('NEW', 'ACKNOWLEDGED', 'IN_PROGRESS', 'CLOSED')),
    submitted_at         timestamptz not null,
    -- 0x01 || Argon2id(case code, deployment salt, pepper): the only trace of the case code.
    case_code_hash       bytea       not null,
    body                 bytea       not null,
    constraint tip_reference_unique unique (reference),
    constraint tip_case_code_unique unique (case_code_hash)
);
create index tip_school_submitted on tip (school_id, submitted_at);

create table tip_key (
    tip_id               uuid primary key references tip (id) on delete cascade,
    kek_id               text        not null,
    wrapped_dek          bytea       not null,
    wrapped_at           timestamptz not null
);
create index tip_key_kek on tip_key (kek_id);

-- Yearly running numbers of public references T-YYYY-NNNNNN.
create table tip_reference_counter (
    year                 integer primary key,
    last_number          integer not null
);

-- Idempotent intake: a retried submission (same Idempotency-Key) gets the first answer back for 24 h.
-- The key and the request are stored only as keyed hashes; the answer (which holds the case code) is
-- sealed under the tip's data key and deleted with the row when it expires.
create table intake_idempotency (
    key_hash             text primary key,
    request_hash         bytea       not null,
    tip_id               uuid        not null references tip (id) on delete cascade,
    receipt              bytea       not null,
    created_at           timestamptz not null
);
create index intake_idempotency_created on intake_idempotency (created_at);
