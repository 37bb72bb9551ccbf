-- The outbox drains life-safety messages first (notify.OutboxWorker): 0 = life-safety, 1 = everything else.
-- A claimed message has its next_attempt_at moved to the end of a lease instead of a lock held while it is sent,
-- so a worker that dies mid-send leaves it to be retried once the lease is over.
alter table outbox add column priority smallint not null default 1 check (priority in (0, 1));

drop index outbox_due;
create index outbox_due on outbox (priority, next_attempt_at) where status = 'PENDING';
