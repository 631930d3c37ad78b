package io.zenoo.client.domain;

import java.util.AbstractList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A list or tuple read by {@link DomainParser}, remembering where each element starts in the literal so that errors
 * found later can point at it.
 */
final class ParsedList extends AbstractList<@Nullable Object> {

	private final List<@Nullable Object> elements;

	private final int[] positions;

	private final int start;

	ParsedList(List<@Nullable Object> elements, int[] positions, int start) {
		this.elements = elements;
		this.positions = positions;
		this.start = start;
	}

	@Override
	public @Nullable Object get(int index) {
		return this.elements.get(index);
	}

	@Override
	public int size() {
		return this.elements.size();
	}

	int position(int index) {
		return this.positions[index];
	}

	int start() {
		return this.start;
	}

}
