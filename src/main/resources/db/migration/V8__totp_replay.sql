-- The last TOTP time step accepted for each account: a code is good once, not for its whole window.
alter table staff add column totp_last_step bigint;
