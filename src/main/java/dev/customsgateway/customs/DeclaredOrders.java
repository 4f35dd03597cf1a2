package dev.customsgateway.customs;

import dev.customsgateway.core.Declarations;
import dev.customsgateway.core.TransactionScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a merchant has already declared, read from the outbox (and, for the further records of a passthrough message,
 * from {@code message_order}): an order counts as declared once its message was committed for delivery, unless delivery gave up on it or customs sent it back (status 100 or a negative
 * processing error), in which case it may be declared anew.
 *
 * <p>Asking locks the order number until the transaction ends (its row in {@code declaration_lock}): the rules ask
 * inside the transaction that then writes the outbox row, so a second transaction declaring the same order at the
 * same time waits for the first to commit and then sees its declaration, instead of both finding none.
 */
@Repository
class DeclaredOrders implements StandingDeclarations, Declarations {

    private final JdbcClient jdbc;

    DeclaredOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> standing(String merchantId, String messageType, String orderNo) {
        if (!storable(orderNo)) {
            return Optional.empty(); // no number (or one the length rule refuses): nothing it could stand for
        }
        if (!UpFrontLocks.of(this).holds(merchantId, messageType, orderNo)) {
            lockRow(merchantId, messageType, orderNo);
        }
        // A receipt refusing the order releases it: one naming no order (a message of one), or naming this one (a
        // message of several, whose records customs answers one by one).
        return jdbc.sql("""
                select m.id, m.guid from outbox_message m
                where m.merchant_id = ? and m.message_type = ? and m.order_no = ? and m.state <> 'DEAD'
                  and not exists (select 1 from customs_receipt r where r.guid = m.guid
                                  and (r.order_no is null or r.order_no = m.order_no)
                                  and (r.return_status = '100' or r.return_status like '-%'))
                union all
                select m.id, m.guid from message_order d join outbox_message m on m.guid = d.guid
                where d.merchant_id = ? and d.message_type = ? and d.order_no = ? and m.state <> 'DEAD'
                  and not exists (select 1 from customs_receipt r where r.guid = m.guid
                                  and (r.order_no is null or r.order_no = d.order_no)
                                  and (r.return_status = '100' or r.return_status like '-%'))
                order by 1 desc limit 1""")
                .params(merchantId, messageType, orderNo, merchantId, messageType, orderNo)
                .query((rs, n) -> rs.getString(2)).optional();
    }

    @Override
    public Optional<Declarations.Standing> declaredElsewhere(String merchantId, String messageType, String guid,
            String orderNo) {
        TreeSet<String> numbers = new TreeSet<>(jdbc.sql("select order_no from message_order where guid = ?")
                .param(guid).query(String.class).list());
        if (orderNo != null) {
            numbers.add(orderNo);
        }
        for (String number : numbers) {
            Optional<String> standing = standing(merchantId, messageType, number);
            if (standing.isPresent() && !standing.get().equals(guid)) {
                return Optional.of(new Declarations.Standing(number, standing.get()));
            }
        }
        return Optional.empty();
    }

    @Override
    public void declaredIn(String merchantId, String messageType, String guid, Collection<String> orderNos) {
        for (String orderNo : new TreeSet<>(orderNos.stream().filter(DeclaredOrders::storable).toList())) {
            jdbc.sql("insert into message_order (guid, merchant_id, message_type, order_no) values (?, ?, ?, ?)")
                    .params(guid, merchantId, messageType, orderNo).update();
        }
    }

    /**
     * Locks up front, outside any savepoint of the transaction (see {@code OrderRules.lockOrderNumbers}): such a
     * lock holds until the transaction ends, so {@link #standing} need not take it again. A lock taken inside an
     * order's savepoint is not remembered: rolling the savepoint back releases it.
     */
    @Override
    public void lock(String merchantId, String messageType, String orderNo) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            lockRow(merchantId, messageType, orderNo);
            UpFrontLocks.of(this).add(merchantId, messageType, orderNo);
        }
    }

    /**
     * The first declaration of an order number inserts its row, which a concurrent insert waits on (PostgreSQL
     * blocks, H2 retries until the inserting transaction ends; both then do nothing); later ones lock the row that
     * exists. Outside a transaction (the all-or-nothing pre-check of a file) a lock would end with the statement:
     * none is taken.
     */
    private void lockRow(String merchantId, String messageType, String orderNo) {
        if (!TransactionSynchronizationManager.isActualTransactionActive() || !storable(orderNo)) {
            return;
        }
        int inserted = jdbc.sql("insert into declaration_lock (merchant_id, message_type, order_no) values (?, ?, ?)"
                + " on conflict do nothing").params(merchantId, messageType, orderNo).update();
        if (inserted == 0) {
            jdbc.sql("select order_no from declaration_lock where merchant_id = ? and message_type = ? and order_no = ?"
                    + " for update").params(merchantId, messageType, orderNo).query(String.class).list();
        }
    }

    /**
     * Whether an order number fits the tables (60 characters, as customs allows): a longer one is refused by the
     * order's length rule or the schema, with its reason, so it is neither locked nor recorded, instead of failing
     * the transaction on the column's size.
     */
    private static boolean storable(String orderNo) {
        return orderNo != null && !orderNo.isEmpty() && orderNo.length() <= 60;
    }

    /**
     * The order numbers locked up front in the current transaction. Bound as a resource of the thread, which a
     * REQUIRES_NEW transaction would not suspend: none declares orders (nothing in the gateway uses REQUIRES_NEW).
     */
    private static final class UpFrontLocks implements TransactionSynchronization {

        private final DeclaredOrders owner;
        private final Set<List<String>> keys = new HashSet<>();

        private UpFrontLocks(DeclaredOrders owner) {
            this.owner = owner;
        }

        static UpFrontLocks of(DeclaredOrders owner) {
            if (!TransactionSynchronizationManager.isSynchronizationActive()) {
                return new UpFrontLocks(owner); // no transaction: nothing held, nothing to remember
            }
            return TransactionScoped.of(owner, () -> new UpFrontLocks(owner));
        }

        void add(String merchantId, String messageType, String orderNo) {
            keys.add(List.of(merchantId, messageType, orderNo));
        }

        boolean holds(String merchantId, String messageType, String orderNo) {
            return !keys.isEmpty() && keys.contains(List.of(merchantId, messageType, orderNo));
        }

        @Override
        public void afterCompletion(int status) {
            TransactionScoped.release(owner);
        }
    }
}
