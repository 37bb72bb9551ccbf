-- Staff sign-in: token revocation ("not before"), and the TOTP second factor.

-- Tokens issued before this instant are refused: set on "sign out everywhere", on disabling, on a reset.
alter table staff add column tokens_not_before timestamptz not null default now();
-- TOTP secret (RFC 6238), sealed with a key derived from the server pepper; usable once confirmed.
alter table staff add column totp_secret bytea;
alter table staff add column totp_enabled boolean not null default false;
