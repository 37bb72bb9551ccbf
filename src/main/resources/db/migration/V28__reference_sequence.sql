-- Reference numbers from a sequence (intake at database speed): the yearly counter row was updated in every tip's
-- transaction, so all tips waited for each other's commit on that one row (measured: 99 % of database time in row
-- lock waits, 13-18 tips/s). Now a number is nextval of one sequence, which takes no lock, minus the year's base:
-- number = value - sequence_base. A tip whose transaction fails leaves its number unused (a gap), never a duplicate.
create sequence tip_reference_sequence;

alter table tip_reference_counter add column sequence_base bigint;

-- Years already counting go on where they stopped: the sequence's first value, 1, gives last_number + 1.
update tip_reference_counter set sequence_base = -last_number;

alter table tip_reference_counter alter column sequence_base set not null;
alter table tip_reference_counter drop column last_number;
