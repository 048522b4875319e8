package dev.kizuna.playbooks.control;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A 64-bit hash of text that is the same on every machine, JVM and run: FNV-1a (64-bit) over the UTF-8 bytes, then
 * the MurmurHash3 64-bit finaliser ({@code fmix64}) so that every input bit affects every output bit. Not a
 * cryptographic hash: it assigns accounts to groups evenly, it does not keep secrets.
 *
 * <p>FNV-1a: Fowler, Noll and Vo, offset basis {@code 0xcbf29ce484222325}, prime {@code 0x100000001b3}.
 */
final class StableHash {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private StableHash() {
    }

    /** Returns the FNV-1a 64-bit hash of the UTF-8 bytes of {@code text}, without the finaliser. */
    public static long fnv1a64(String text) {
        Objects.requireNonNull(text, "text");
        long h = FNV_OFFSET;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= FNV_PRIME;
        }
        return h;
    }

    /** Returns {@link #fnv1a64} of the parts joined by U+0000 (which no id contains), then finalised. */
    public static long of(String... parts) {
        Objects.requireNonNull(parts, "parts");
        return fmix64(fnv1a64(String.join("\u0000", parts)));
    }

    /** Returns the hash mapped to a number uniformly spread over {@code [0, 1)}: its top 53 bits over 2^53. */
    public static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }

    /** MurmurHash3's 64-bit finaliser (Austin Appleby, public domain). */
    static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
