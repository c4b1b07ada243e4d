-- Claims are no longer written (DeliveryStore): a row is queued until its outcome is stored. Rows an
-- earlier version left claimed are queued again, as its start-up used to do.
UPDATE deliveries SET state = 'queued' WHERE state = 'sending';
