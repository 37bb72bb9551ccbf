-- A district's calendar for the next-business-day deadline of standard tips (routing.Deadlines): which days of the
-- week are business days (ISO names, comma-separated; Monday to Friday unless the district says otherwise) and the
-- holidays on which no business day falls. Both are set through PUT /api/v1/admin/districts/{id}.

alter table district add column business_days text not null default 'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY';
alter table district add constraint district_business_days check (business_days ~
    '^(MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)(,(MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)){0,6}$');

create table district_holiday (
    district_id          uuid        not null references district (id),
    day                  date        not null,
    primary key (district_id, day)
);
