-- Every order (payment, waybill, ...) number a passthrough message declares: a ready CEB message may carry up to 100
-- business records, while its outbox row names the first. "An order is declared once" looks here too, so the
-- second record of such a message counts as declared. Written in the transaction that writes the outbox row.
create table message_order (
    guid          varchar(36) not null,
    merchant_id   varchar(64) not null,
    message_type  varchar(16) not null,
    order_no      varchar(60) not null,
    primary key (guid, order_no)
);
create index message_order_number_idx on message_order (order_no, merchant_id, message_type);
