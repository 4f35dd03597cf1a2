-- One row per order number a merchant has declared in a message type: the row its declarations lock, so that two
-- transactions declaring the same order at the same time (an API order and a file's batch, say) take turns, and
-- the second sees the first's outbox row. The outbox itself cannot carry a unique constraint: an order may be
-- declared anew once delivery gave up or customs refused it.
create table declaration_lock (
    merchant_id   varchar(64) not null,
    message_type  varchar(16) not null,
    order_no      varchar(60) not null,
    primary key (merchant_id, message_type, order_no)
);
