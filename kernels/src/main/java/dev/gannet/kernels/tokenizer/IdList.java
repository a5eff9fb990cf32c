package dev.gannet.kernels.tokenizer;

import java.util.Arrays;

/** A growable list of token ids without boxing. */
final class IdList {
    private int[] ids;
    private int size;

    IdList(int capacity) {
        ids = new int[Math.max(capacity, 4)];
    }

    void add(int id) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, ids.length * 2);
        }
        ids[size++] = id;
    }

    int size() {
        return size;
    }

    int[] toArray() {
        return Arrays.copyOf(ids, size);
    }
}
