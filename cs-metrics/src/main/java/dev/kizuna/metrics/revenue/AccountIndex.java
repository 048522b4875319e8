package dev.kizuna.metrics.revenue;

import dev.kizuna.core.AccountId;

import java.util.Arrays;

/**
 * Numbers accounts 0, 1, 2, ... in the order they are first seen: an open-addressing hash table whose slots are
 * {@code long}s packing a key's hash with its number, so that a probe reads one array slot and then confirms the key
 * in {@link #accounts()} by reference (or {@code equals}). It is the ledger's per-event hot path: a
 * {@code HashMap<AccountId, Integer>} visits a node and a boxed value on every lookup.
 *
 * <p>Mutable while the ledger is built; afterwards only read, and then safe to share once safely published.
 */
final class AccountIndex {
    private static final int MAX_ACCOUNTS = 1 << 29;

    /** {@code hash << 32 | (number + 1)}; 0 is an empty slot. */
    private long[] slots;
    private AccountId[] byNumber;
    private int size;
    private long touched;

    AccountIndex(int expected) {
        int wanted = Math.max(8, Math.min(MAX_ACCOUNTS, expected));
        slots = new long[Integer.highestOneBit(wanted * 2 - 1) * 2];
        byNumber = new AccountId[Math.max(16, Math.min(wanted, 1 << 20))];
    }

    /** Returns the number of the account, numbering it if it is new; {@code hash} is its {@code hashCode()}. */
    int number(AccountId account, int hash) {
        int h = spread(hash);
        int mask = slots.length - 1;
        int slot = h & mask;
        for (long s = slots[slot]; s != 0; s = slots[slot]) {
            if ((int) (s >>> 32) == h) {
                AccountId k = byNumber[(int) s - 1];
                if (k == account || k.equals(account)) {
                    return (int) s - 1;
                }
            }
            slot = (slot + 1) & mask;
        }
        if (size == MAX_ACCOUNTS) {
            throw new IllegalStateException("accounts: more than " + MAX_ACCOUNTS + " accounts");
        }
        int number = size++;
        slots[slot] = (long) h << 32 | (number + 1L);
        if (number == byNumber.length) {
            byNumber = Arrays.copyOf(byNumber, number * 2);
        }
        byNumber[number] = account;
        if (size * 2L > slots.length) {
            grow();
        }
        return number;
    }

    /**
     * Reads the slots the first {@code count} hashes start at, and the numbered accounts they hold, so that the lookups
     * that follow find them in cache instead of waiting for memory one lookup at a time.
     */
    void prefetch(int[] hashes, int count) {
        int mask = slots.length - 1;
        long seen = 0;
        for (int j = 0; j < count; j++) {
            long s = slots[spread(hashes[j]) & mask];
            if (s != 0 && byNumber[(int) s - 1] != null) {
                seen += s;
            }
        }
        touched = seen; // kept so that the reads are not optimised away
    }

    /** Returns the number of the account, or -1 if it was never numbered. */
    int find(AccountId account) {
        int h = spread(account.hashCode());
        int mask = slots.length - 1;
        int slot = h & mask;
        for (long s = slots[slot]; s != 0; s = slots[slot]) {
            if ((int) (s >>> 32) == h) {
                AccountId k = byNumber[(int) s - 1];
                if (k == account || k.equals(account)) {
                    return (int) s - 1;
                }
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** Returns the number of accounts. */
    int size() {
        return size;
    }

    /** Returns the accounts by number. */
    AccountId[] accounts() {
        return Arrays.copyOf(byNumber, size);
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long s : old) {
            if (s != 0) {
                int slot = (int) (s >>> 32) & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = s;
            }
        }
    }

    /** Spreads the hash's high bits into the low ones that pick the slot (Fibonacci hashing). */
    private static int spread(int h) {
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }
}
