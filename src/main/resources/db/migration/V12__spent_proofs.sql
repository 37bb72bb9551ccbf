-- Proofs of work already used (abuse.SpentProofs): in the database, so that one proof pays for one request on
-- every replica. Only a SHA-256 of the challenge token and its expiry are kept, nothing about the client; rows are
-- deleted once the challenge has expired, when the token is refused as expired anyway.
create table spent_proof (
    token_hash bytea primary key,
    expires_at timestamptz not null
);

create index spent_proof_expiry on spent_proof (expires_at);
