-- UK (HMRC, Northern Ireland) low-value declarations. A merchant declares to China's customs (GACC, the default)
-- or to HMRC; a merchant declaring to HMRC has one row of UK declarant details: the WCO data elements the
-- declaration takes from the merchant rather than from the order (DE numbers as in HMRC's annotated samples).
alter table merchant add column customs_authority varchar(8) default 'GACC' not null;

create table merchant_uk_declarant (
    merchant_id                  varchar(64)  primary key references merchant (id),
    eori                         varchar(17)  not null,   -- DE 3/18 declarant
    importer_eori                varchar(17),             -- DE 3/16 when the order names no consignee EORI
    representation               varchar(3),              -- DE 3/21: 2 direct, 3 indirect; null: for itself
    additional_declaration_type  varchar(1)   default 'D' not null,   -- DE 1/2: D pre-lodged, A arrived
    border_transport_mode        varchar(1)   default '5' not null,   -- DE 7/4: 5 postal consignment
    goods_location_name          varchar(256) not null,   -- DE 5/23, e.g. BELBFSBEL
    goods_location_type          varchar(1)   default 'A' not null,
    goods_location_qualifier     varchar(1)   default 'U' not null,
    goods_location_country       varchar(2)   default 'GB' not null,
    exporter_name                varchar(70)  not null,   -- DE 3/1 the seller abroad
    exporter_line                varchar(70)  not null,
    exporter_city                varchar(35)  not null,
    exporter_postcode            varchar(9),
    exporter_country             varchar(2)   not null
);
