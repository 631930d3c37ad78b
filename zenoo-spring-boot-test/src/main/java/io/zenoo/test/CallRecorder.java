package io.zenoo.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The thread-safe {@link OdooTestServer.CallLog}. */
final class CallRecorder implements OdooTestServer.CallLog {

	private final List<OdooTestServer.RecordedCall> calls = new ArrayList<>();

	private int versionCalls;

	synchronized void record(String protocol, long uid, String model, String method, Map<String, Object> kwargs,
			Map<String, Object> context) {
		this.calls.add(new OdooTestServer.RecordedCall(protocol, uid, model, method,
				DemoData.castMap(Values.copy(kwargs)), DemoData.castMap(Values.copy(context))));
	}

	@Override
	public synchronized int count(String model, String method) {
		return (int) this.calls.stream().filter((call) -> call.model().equals(model) && call.method().equals(method))
			.count();
	}

	synchronized void recordVersion() {
		this.versionCalls++;
	}

	@Override
	public synchronized int versionCalls() {
		return this.versionCalls;
	}

	@Override
	public synchronized int total() {
		return this.calls.size();
	}

	@Override
	public synchronized List<OdooTestServer.RecordedCall> all() {
		return List.copyOf(this.calls);
	}

	@Override
	public synchronized void clear() {
		this.calls.clear();
		this.versionCalls = 0;
	}

}
