-- The sandbox's books name the business record each message declared (orderNo, copNo or logisticsNo), so a
-- test can see from customs' side that every order was accepted exactly once, whatever guids it came under,
-- and say why a message was refused.
alter table sandbox_message add column business_no varchar(60);
-- why a message was refused (the returnInfo of its receipt 100)
alter table sandbox_message add column verdict_info varchar(1000);
create index sandbox_message_business_idx on sandbox_message (message_type, business_no);
