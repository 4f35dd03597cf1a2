package dev.customsgateway;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Cuts a stream of orders into batches of at most {@code size}, read lazily: a file of any size is held in memory
 * only as far as the batches in flight. Used by the {@code pipeline-submission} route, whose workers each take a
 * batch and commit it as one transaction.
 */
public final class OrderBatches {

    private final int size;

    OrderBatches(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("batch size must be at least 1: " + size);
        }
        this.size = size;
    }

    public <T> Iterator<List<T>> of(Iterator<T> items) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return items.hasNext();
            }

            @Override
            public List<T> next() {
                if (!items.hasNext()) {
                    throw new NoSuchElementException();
                }
                List<T> batch = new ArrayList<>(size);
                while (batch.size() < size && items.hasNext()) {
                    batch.add(items.next());
                }
                return batch;
            }
        };
    }
}
