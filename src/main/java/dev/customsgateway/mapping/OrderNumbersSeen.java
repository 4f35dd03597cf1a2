package dev.customsgateway.mapping;

import dev.customsgateway.core.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The order numbers seen so far in one file and the row each started on, so that a later repeat can name both
 * rows. Keeps 12 bytes per order (a 64-bit digest of the number and the row) in open-addressing arrays rather
 * than the strings themselves: a file of a million orders costs about 24 MB at most, not a map of strings.
 * Two different numbers sharing a 64-bit digest is the only way to be wrong, and it is negligibly unlikely.
 */
final class OrderNumbersSeen {

    private static final long EMPTY = 0L;
    private long[] keys = new long[1024];
    private int[] rows = new int[1024];
    private int size;

    /** Records the order's first row; returns the row it was first seen on if it was seen before, else -1. */
    int firstRowOrRecord(String orderNo, int row) {
        long key = key(orderNo);
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == EMPTY) {
                keys[i] = key;
                rows[i] = row;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return -1;
            }
            if (keys[i] == key) {
                return rows[i];
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldRows = rows;
        keys = new long[oldKeys.length * 2];
        rows = new int[oldRows.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != EMPTY) {
                int i = mix(oldKeys[j]) & mask;
                while (keys[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                rows[i] = oldRows[j];
            }
        }
    }

    private static long key(String orderNo) {
        long key = ByteBuffer.wrap(Sha256.newDigest().digest(orderNo.getBytes(StandardCharsets.UTF_8))).getLong();
        return key == EMPTY ? 1L : key; // 0 marks an empty slot
    }

    private static int mix(long key) {
        return (int) (key ^ (key >>> 32));
    }
}
