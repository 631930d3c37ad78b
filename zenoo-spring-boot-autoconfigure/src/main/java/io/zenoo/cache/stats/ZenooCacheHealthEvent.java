package io.zenoo.cache.stats;

import org.springframework.context.ApplicationEvent;

/**
 * Published by the cache health monitoring ({@code ZenooCacheManager.setupHealthMonitoring}) when a cache crosses
 * into a bad state: once when it enters it, again only after it has left it.
 */
public class ZenooCacheHealthEvent extends ApplicationEvent {

	/** What went wrong. */
	public enum Kind {

		/** The cache's hit rate fell below the alert threshold. */
		HIT_RATE_LOW,

		/** The estimated heap of the memory caches passed the memory limit. */
		MEMORY_HIGH,

		/** A Redis cache's server stopped answering. */
		REDIS_UNREACHABLE

	}

	private final Kind kind;

	private final String cacheName;

	private final String detail;

	/**
	 * Create an event.
	 * @param source the cache manager
	 * @param kind what went wrong
	 * @param cacheName the cache concerned ({@code *} for all caches together)
	 * @param detail a short description with the measured value
	 */
	public ZenooCacheHealthEvent(Object source, Kind kind, String cacheName, String detail) {
		super(source);
		this.kind = kind;
		this.cacheName = cacheName;
		this.detail = detail;
	}

	/** @return what went wrong */
	public Kind getKind() {
		return this.kind;
	}

	/** @return the cache concerned ({@code *} for all caches together) */
	public String getCacheName() {
		return this.cacheName;
	}

	/** @return a short description with the measured value */
	public String getDetail() {
		return this.detail;
	}

	@Override
	public String toString() {
		return "ZenooCacheHealthEvent[" + this.kind + ", cache=" + this.cacheName + ", " + this.detail + "]";
	}

}
