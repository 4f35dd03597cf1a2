-- Whether a merchant declares imports or exports: with its role it decides which message a submission produces.
alter table merchant add column trade_direction varchar(8) default 'IMPORT' not null;
