package dev.customsgateway.customs;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a merchant has already declared, read from the outbox: an order counts as declared once its message was
 * committed for delivery, unless delivery gave up on it or customs sent it back (status 100 or a negative
 * processing error), in which case it may be declared anew.
 */
@Repository
class DeclaredOrders implements StandingDeclarations {

    private final JdbcClient jdbc;

    DeclaredOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> standing(String merchantId, String messageType, String orderNo) {
        return jdbc.sql("""
                select m.guid from outbox_message m
                where m.merchant_id = ? and m.message_type = ? and m.order_no = ? and m.state <> 'DEAD'
                  and not exists (select 1 from customs_receipt r where r.guid = m.guid
                                  and (r.return_status = '100' or r.return_status like '-%'))
                order by m.id desc limit 1""")
                .params(merchantId, messageType, orderNo)
                .query(String.class).optional();
    }
}
