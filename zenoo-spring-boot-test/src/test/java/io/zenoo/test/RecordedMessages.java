package io.zenoo.test;

import io.zenoo.test.samples.RecordedSamples;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@code error.data.message} out of a recorded sample. */
final class RecordedMessages {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private RecordedMessages() {
	}

	static String message(int sample) {
		return MAPPER.readTree(RecordedSamples.get(sample).responseBody()).get("error").get("data").get("message")
			.asString();
	}

}
