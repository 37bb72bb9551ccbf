-- SMS as a second outbox channel (notify.SmsSender), and the mobile numbers it goes to (issue 14, part 3).
-- A mobile number is personal data: it is stored here and sent to the SMS gateway, never logged or audited.

-- Which sender an outbox row goes through; for SMS the recipient is a phone number (E.164).
alter table outbox add column channel text not null default 'MAIL' check (channel in ('MAIL', 'SMS'));

-- E.164: a plus, a country code that does not start with 0, at most 15 digits in all (notify.MobileNumbers).
alter table staff add column mobile text constraint staff_mobile_e164 check (mobile ~ '^\+[1-9][0-9]{6,14}$');

-- An agency's on-call phone and its supervisor's, beside their mailboxes: where a call-down reaches them by SMS.
alter table agency add column on_call_mobile text constraint agency_on_call_mobile_e164
    check (on_call_mobile ~ '^\+[1-9][0-9]{6,14}$');
alter table agency add column supervisor_mobile text constraint agency_supervisor_mobile_e164
    check (supervisor_mobile ~ '^\+[1-9][0-9]{6,14}$');
