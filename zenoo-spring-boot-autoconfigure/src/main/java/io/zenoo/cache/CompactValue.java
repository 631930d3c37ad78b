package io.zenoo.cache;

import java.lang.reflect.Type;

import org.jspecify.annotations.Nullable;

/**
 * A value of a {@link MemoryStorage#COMPACT} memory cache: its encoded bytes and the type it was stored with (from the
 * caller, never from the bytes), plus its decoded form while it is one of the {@link DecodedSet}'s entries. A hit on a
 * decoded entry costs a volatile read; the first hit on an entry (or the first after its decoded form was dropped)
 * decodes it. 40 bytes of heap besides the bytes and the decoded form (with compressed references).
 */
final class CompactValue {

	/** {@link #slot}: not in the decoded set. */
	static final int OUTSIDE = -1;

	/** {@link #slot}: the entry left the cache; its decoded form is no longer kept. */
	static final int REMOVED = -2;

	final byte[] bytes;

	final Type type;

	final DecodedSet owner;

	/** The decoded form, kept while in the decoded set (written under its lock). */
	volatile @Nullable Object decoded;

	/** The slot in the decoded set's ring, {@link #OUTSIDE} or {@link #REMOVED}; guarded by the set's lock. */
	int slot = OUTSIDE;

	/**
	 * Hit since the decoded set's hand last passed: spared once by the hand. Written without a lock by hits (a lost
	 * mark costs at most an early drop and a decode).
	 */
	boolean referenced;

	CompactValue(byte[] bytes, Type type, DecodedSet owner) {
		this.bytes = bytes;
		this.type = type;
		this.owner = owner;
	}

	/**
	 * The value: the decoded form, decoding it first if needed.
	 * @throws IllegalStateException if the bytes cannot be decoded (counted as a decode failure)
	 */
	Object get() {
		Object value = this.decoded;
		if (value == null) {
			return this.owner.materialize(this);
		}
		if (!this.referenced) {
			this.referenced = true;
		}
		return value;
	}

	/** Drop the decoded form for good: the entry left the cache. */
	void drop() {
		this.owner.drop(this);
	}

	boolean isDecoded() {
		return this.decoded != null;
	}

}
