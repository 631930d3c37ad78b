package io.zenoo.autoconfigure;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's configuration reference and the code cannot drift apart: every property the code binds is in the
 * README's tables, and every property the tables name is bound by the code.
 */
class ReadmeReferenceTests {

	private static final Pattern TABLE_PROPERTY = Pattern.compile("^\\| `(zenoo\\.[a-z0-9.<>-]+)`", Pattern.MULTILINE);

	@Test
	void readmeTablesListExactlyTheBoundProperties() throws Exception {
		Set<String> bound = new TreeSet<>();
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			JsonNode metadata = JsonMapper.shared().readTree(in);
			for (JsonNode property : metadata.path("properties")) {
				String name = property.path("name").asString();
				// the zenoo endpoint's generated management.endpoint.zenoo.* settings are Boot's, documented by Boot
				if (name.startsWith("zenoo.") && !name.equals("zenoo.cache.caches")) {
					bound.add(name);
				}
			}
		}
		for (Field field : ZenooCacheProperties.Cache.class.getDeclaredFields()) {
			if (!Modifier.isStatic(field.getModifiers())) {
				bound.add("zenoo.cache.caches.<name>." + kebab(field.getName()));
			}
		}
		String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
		Set<String> documented = new TreeSet<>();
		Matcher matcher = TABLE_PROPERTY.matcher(readme);
		while (matcher.find()) {
			documented.add(matcher.group(1));
		}
		assertThat(documented).isEqualTo(bound);
	}

	private static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
	}

}
