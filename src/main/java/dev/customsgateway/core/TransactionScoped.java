package dev.customsgateway.core;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work a component gathers during a transaction and does just before it commits (the content store's forces, the
 * log's closings, the submission counts): one synchronization per component and transaction, made on first use.
 * The synchronization unbinds itself in {@code afterCompletion} ({@link #release}).
 */
public final class TransactionScoped {

    private TransactionScoped() {
    }

    /** The synchronization the owner bound to the current transaction, made and registered if there is none yet. */
    @SuppressWarnings("unchecked")
    public static <T extends TransactionSynchronization> T of(Object owner, Supplier<T> create) {
        T bound = (T) TransactionSynchronizationManager.getResource(owner);
        if (bound == null) {
            bound = create.get();
            TransactionSynchronizationManager.bindResource(owner, bound);
            TransactionSynchronizationManager.registerSynchronization(bound);
        }
        return bound;
    }

    /** Forgets the owner's synchronization once its transaction has completed. */
    public static void release(Object owner) {
        TransactionSynchronizationManager.unbindResourceIfPossible(owner);
    }
}
