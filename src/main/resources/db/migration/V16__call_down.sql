-- The call-down ladder of life-safety tips (routing.CallDown): one contact after another until someone acknowledges.
-- Where the tip is on its ladder, and when the next step is due; null once acknowledged, closed or at the end.
alter table tip add column call_down_step integer not null default 0;
alter table tip add column next_call_down_at timestamptz;
create index tip_call_down_due on tip (next_call_down_at) where next_call_down_at is not null;

-- A ladder of a school, an agency or a district (owner_id is one of their ids): each step a kind of contact and how
-- long after submission it is called. A school without one uses its agency's, then its district's, then the
-- configured default (tipline.routing.call-down).
create table call_down_step (
    owner_id     uuid    not null,
    position     integer not null check (position >= 0),
    contact      text    not null check (contact in ('SRO', 'AGENCY_ON_CALL', 'SUPERVISOR', 'COORDINATOR', 'ANALYST_DESK')),
    wait_seconds integer not null check (wait_seconds between 0 and 86400),
    primary key (owner_id, position)
);
