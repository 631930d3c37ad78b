package io.zenoo.client.transport;

import org.jspecify.annotations.Nullable;

/**
 * What a request is for, as named in error messages: a model method ({@code res.partner.search_read}) or a
 * service call ({@code common.authenticate}, model {@code null}).
 */
record Target(@Nullable String model, String method) {

	static Target of(OdooCall call) {
		return new Target(call.model(), call.method());
	}

	static Target service(String serviceMethod) {
		return new Target(null, serviceMethod);
	}

	@Override
	public String toString() {
		return (this.model != null) ? this.model + "." + this.method : this.method;
	}

}
