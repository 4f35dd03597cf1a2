package dev.customsgateway.customs;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a merchant has already declared, read from the outbox: an order counts as declared once its message was
 * committed for delivery, unless delivery gave up on it or customs sent it back (status 100 or a negative
 * processing error), in which case it may be declared anew.
 *
 * <p>Asking locks the order number until the transaction ends (its row in {@code declaration_lock}): the rules ask
 * inside the transaction that then writes the outbox row, so a second transaction declaring the same order at the
 * same time waits for the first to commit and then sees its declaration, instead of both finding none.
 */
@Repository
class DeclaredOrders implements StandingDeclarations {

    private final JdbcClient jdbc;

    DeclaredOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> standing(String merchantId, String messageType, String orderNo) {
        lock(merchantId, messageType, orderNo);
        return jdbc.sql("""
                select m.guid from outbox_message m
                where m.merchant_id = ? and m.message_type = ? and m.order_no = ? and m.state <> 'DEAD'
                  and not exists (select 1 from customs_receipt r where r.guid = m.guid
                                  and (r.return_status = '100' or r.return_status like '-%'))
                order by m.id desc limit 1""")
                .params(merchantId, messageType, orderNo)
                .query(String.class).optional();
    }

    /**
     * The first declaration of an order number inserts its row, which a concurrent insert waits on (PostgreSQL
     * blocks, H2 retries until the inserting transaction ends; both then do nothing); later ones lock the row that
     * exists. Outside a transaction (the early check of a message the merchant signed itself) a lock would end with
     * the statement: none is taken.
     */
    @Override
    public void lock(String merchantId, String messageType, String orderNo) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return;
        }
        int inserted = jdbc.sql("insert into declaration_lock (merchant_id, message_type, order_no) values (?, ?, ?)"
                + " on conflict do nothing").params(merchantId, messageType, orderNo).update();
        if (inserted == 0) {
            jdbc.sql("select order_no from declaration_lock where merchant_id = ? and message_type = ? and order_no = ?"
                    + " for update").params(merchantId, messageType, orderNo).query(String.class).list();
        }
    }
}
