package io.zenoo.cache;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which models' cached queries a change of a model also makes stale (for example {@code res.users} rows show their
 * partner's name, so a write of {@code res.partner} invalidates {@code res.users} too). Not transitive: a model's
 * related models' own related models are left alone, so a relation can never cascade over the whole schema
 * unnoticed; name every model that needs it.
 */
final class RelatedModels {

	private final Map<String, Set<String>> related = new ConcurrentHashMap<>();

	/**
	 * @throws IllegalArgumentException if a name is not a model name, or a model names itself
	 */
	void add(String model, Collection<String> relatedModels) {
		ModelNames.require(model, "model");
		if (relatedModels == null || relatedModels.isEmpty()) {
			throw new IllegalArgumentException("name at least one related model of " + model);
		}
		for (String other : relatedModels) {
			ModelNames.require(other, "related model of " + model);
			if (other.equals(model)) {
				throw new IllegalArgumentException("model " + model + " cannot be related to itself");
			}
		}
		this.related.merge(model, Set.copyOf(relatedModels), (before, added) -> {
			Set<String> merged = new LinkedHashSet<>(before);
			merged.addAll(added);
			return Set.copyOf(merged);
		});
	}

	/** @return the models directly related to {@code model} */
	Set<String> of(String model) {
		return this.related.getOrDefault(model, Set.of());
	}

	/** @return the models and their related models */
	Set<String> expand(Collection<String> models) {
		Set<String> all = new LinkedHashSet<>(models);
		for (String model : models) {
			all.addAll(of(model));
		}
		return all;
	}

}
