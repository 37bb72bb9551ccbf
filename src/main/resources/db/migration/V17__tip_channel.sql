-- How a tip reached the tip line: the public form (WEB), or staff who took it by phone, in person, by mail or text
-- (intake.TipIntake.submitTakenByStaff). Statistics count by it.
alter table tip add column channel text not null default 'WEB'
    check (channel in ('WEB', 'PHONE', 'WALK_IN', 'EMAIL', 'TEXT'));
