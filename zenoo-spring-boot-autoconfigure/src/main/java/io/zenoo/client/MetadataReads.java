package io.zenoo.client;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.zenoo.cache.ZenooCache;
import io.zenoo.cache.ZenooCacheManager;
import io.zenoo.client.transport.OdooCall;
import io.zenoo.client.transport.OdooTransport;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The cached metadata reads of one client: the server version (per server), the user's context and field definitions
 * (per server, database and user), kept in the metadata cache for the metadata TTL.
 */
final class MetadataReads {

	private static final Type CONTEXT = ResultTypes.MAP_OF_OBJECTS.getType();

	private static final OdooCall CONTEXT_GET = new OdooCall("res.users", "context_get", null, List.of(), Map.of(),
			Map.of(), true);

	private final ZenooClient client;

	private final MetadataCaching settings;

	private final MetadataKey versionKey;

	private final MetadataKey contextKey;

	private final String userDigest;

	MetadataReads(ZenooClient client, OdooTransport transport, String scope, MetadataCaching settings) {
		this.client = client;
		this.settings = settings;
		this.userDigest = MetadataKey.digest(scope);
		this.versionKey = MetadataKey.version(MetadataKey.digest(transport.server()));
		this.contextKey = MetadataKey.userContext(this.userDigest);
	}

	MetadataCaching settings() {
		return this.settings;
	}

	Mono<OdooVersion> version(CacheOptions.Mode mode) {
		return cached(mode, null, null, this.versionKey, OdooVersion.class, this.client::versionCall);
	}

	Mono<Map<String, Object>> userContext(CacheOptions.Mode mode) {
		return cached(mode, null, null, this.contextKey, CONTEXT,
				() -> this.client.execute(CONTEXT_GET).map(MetadataReads::context));
	}

	Mono<Map<String, Map<String, Object>>> fieldsGet(String model, QueryState state, List<String> attributes,
			Supplier<OdooCall> call) {
		CacheOptions options = state.cache();
		MetadataKey key = MetadataKey.fieldsGet(this.userDigest, model, state.fields(), attributes, state.context(),
				options.key());
		return cached(options.mode(), options.cacheName(), options.ttl(), key, ResultTypes.FIELDS,
				() -> this.client.execute(call.get()).map((node) -> ResultShapes.fields(model, node)));
	}

	/**
	 * Drops the version, this user's context and this user's field definitions from the metadata cache.
	 */
	Mono<Void> refresh() {
		return Mono.defer(() -> {
			ZenooCache cache = metadataCache();
			ZenooCacheManager manager = this.client.cacheManager();
			if (cache == null || manager == null) {
				return Mono.empty();
			}
			return Mono.when(cache.remove(this.versionKey), cache.remove(this.contextKey),
					manager.invalidate(cache.getName(), MetadataKey.fieldsGetPrefix(this.userDigest) + "*", null));
		});
	}

	private <R> Mono<R> cached(CacheOptions.Mode mode, @Nullable String cacheName, @Nullable Duration ttl,
			MetadataKey key, Type type, Supplier<Mono<R>> loader) {
		return Mono.defer(() -> {
			ZenooCache cache = (mode == CacheOptions.Mode.BYPASS) ? null
					: (cacheName != null) ? this.client.requireCache(cacheName) : metadataCache();
			if (cache == null) {
				return loader.get();
			}
			Duration entryTtl = (ttl != null) ? ttl : this.settings.ttl();
			if (mode == CacheOptions.Mode.REFRESH) {
				return loader.get().flatMap((value) -> cache.store(key, value, entryTtl).thenReturn(value));
			}
			return cache.findOrLoad(key, type, loader, entryTtl);
		});
	}

	private @Nullable ZenooCache metadataCache() {
		ZenooCacheManager manager = this.client.cacheManager();
		if (manager == null) {
			return null;
		}
		return (this.settings.cacheName() != null) ? this.client.requireCache(this.settings.cacheName())
				: manager.getDefaultCache();
	}

	private static Map<String, Object> context(JsonNode node) {
		if (!node.isObject()) {
			throw ZenooClient.unexpected("res.users", "context_get", "an object", node);
		}
		return RowReader.forMaps().read(node);
	}

}
