package io.zenoo.docs;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zenoo.autoconfigure.ZenooCacheProperties;
import io.zenoo.autoconfigure.ZenooWarmUpProperties;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.ConversionService;
import org.springframework.util.ClassUtils;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's {@code application.yml} reference cannot drift from the code: every {@code zenoo.*} property in the
 * generated configuration metadata (merged with {@code additional-spring-configuration-metadata.json}) has a table row
 * in the README, every row names a real property, and every default the README gives is the property's default.
 * <p>
 * The metadata does not expand the value type of a map ({@code zenoo.cache.caches}, a map of
 * {@link ZenooCacheProperties.Cache}) or the element type of a list ({@code zenoo.cache.warm-up}, a list of
 * {@link ZenooWarmUpProperties.Query}): their settings are read from the JavaBean properties of those classes and
 * documented as {@code zenoo.cache.caches.<name>.default-ttl} and {@code zenoo.cache.warm-up[i].ttl}. A row for the
 * map or list itself is allowed but not required. Where the metadata has no default (a field initialised from a
 * constant of another class), the default is read from a new instance of the class that declares the property.
 */
class ConfigurationReferenceTests {

	private static final String MAP_KEY = ".<name>";

	private static final String LIST_INDEX = "[i]";

	private static final Pattern ROW = Pattern.compile("^\\|\\s*`(zenoo\\.[^`]+)`\\s*\\|([^|\\n]*)\\|", Pattern.MULTILINE);

	private static final Pattern LITERAL = Pattern.compile("`([^`]*)`");

	private static final Pattern MAP_TYPE = Pattern.compile("java\\.util\\.Map<java\\.lang\\.String,(io\\.zenoo\\.[\\w.$]+)>");

	private static final Pattern LIST_TYPE = Pattern.compile("java\\.util\\.(?:List|Set|Collection)<(io\\.zenoo\\.[\\w.$]+)>");

	private static final ConversionService CONVERSION = ApplicationConversionService.getSharedInstance();

	private static Map<String, Property> properties;

	private static String readme;

	@BeforeAll
	static void load() throws IOException {
		properties = boundProperties();
		Path path = Path.of("..", "README.md");
		assertThat(path).as("README.md next to the module").exists();
		readme = Files.readString(path, StandardCharsets.UTF_8);
	}

	@Test
	void readmeDocumentsEveryPropertyWithItsDefault() {
		Report report = Report.check(readme, properties);
		assertThat(report.problems()).withFailMessage(report::describe).isEmpty();
	}

	@Test
	void propertiesComeFromTheMetadataAndTheNestedTypes() {
		assertThat(properties).containsKeys("zenoo.odoo.url", "zenoo.odoo.retry.attempts", "zenoo.cache.enabled",
				"zenoo.cache.health.alert-threshold", "zenoo.cache.change-detection.interval",
				"zenoo.cache.annotations.max-flux-elements", "zenoo.repositories.enabled", "zenoo.cache.metadata-ttl",
				"zenoo.cache.caches.<name>.default-ttl", "zenoo.cache.caches.<name>.write-through",
				"zenoo.cache.warm-up[i].ttl", "zenoo.cache.auto-invalidation[i].pattern");
		assertThat(properties.keySet()).noneMatch((name) -> name.startsWith("management."))
			.doesNotContain("zenoo.cache.caches", "zenoo.cache.warm-up");
		// every JavaBean property of the map's value type is a row of its own
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(ZenooCacheProperties.Cache.class)) {
			if (descriptor.getWriteMethod() != null) {
				assertThat(properties)
					.containsKey("zenoo.cache.caches.<name>." + DataObjectPropertyName.toDashedForm(descriptor.getName()));
			}
		}
	}

	@Test
	void defaultsComeFromTheMetadataOrFromANewInstance() {
		assertThat(properties.get("zenoo.cache.change-detection.interval").defaultValue()).isEqualTo("30s");
		// declared in additional-spring-configuration-metadata.json (the fields are set from constants), and checked
		// against the code by metadataDefaultsAreTheCodesDefaults
		assertThat(properties.get("zenoo.odoo.connect-timeout").defaultValue()).isEqualTo("5s");
		assertThat(properties.get("zenoo.odoo.max-response-size").defaultValue()).isEqualTo("64MB");
		assertThat(properties.get("zenoo.cache.caches.<name>.default-ttl").defaultValue())
			.isEqualTo(Duration.ofMinutes(5));
		assertThat(properties.get("zenoo.cache.caches.<name>.type").defaultValue()).isNull();
		assertThat(properties.get("zenoo.cache.mutating-methods").defaultValue()).isNull();
	}

	@Test
	void metadataDefaultsAreTheCodesDefaults() throws IOException {
		// the README is checked against the metadata's defaults: those must be what a new properties object holds
		List<String> wrong = new ArrayList<>();
		int checked = 0;
		for (JsonNode node : metadata().values()) {
			String type = node.path("type").asString("");
			if (node.has("defaultValue") && node.has("sourceType") && !type.contains("<")) {
				String name = node.path("name").asString();
				Object actual = instanceDefault(node.path("sourceType").asString(), name);
				Property property = new Property(name, simpleType(type), actual, "");
				String declared = node.get("defaultValue").asString();
				checked++;
				if (!property.isDefault(declared)) {
					wrong.add(name + ": the metadata says " + declared + ", a new " + node.path("sourceType").asString()
							+ " holds " + property.documentedDefault());
				}
			}
		}
		assertThat(checked).isGreaterThan(10);
		assertThat(wrong).isEmpty();
	}

	@Test
	void aPropertyWithoutARowIsReportedWithTheRowToAdd() {
		Report report = Report.check(withoutRow(readme, "zenoo.cache.caches.<name>.write-through"), properties);
		assertThat(report.problems()).hasSize(1);
		assertThat(report.describe()).contains("Add these rows to README.md")
			.contains("| `zenoo.cache.caches.<name>.write-through` | `false` |");
		report = Report.check(withoutRow(readme, "zenoo.odoo.connect-timeout"), properties);
		assertThat(report.describe()).contains("| `zenoo.odoo.connect-timeout` | `5s` | How long to wait for a TCP");
	}

	@Test
	void aRowNamingNoPropertyIsReportedForRemoval() {
		String extra = readme.replaceFirst("(?m)^(\\| `zenoo\\.odoo\\.url`)",
				"| `zenoo.odoo.no-such-thing` | `1` | nothing |\n| `zenoo.cache.caches.<name>.ttl` | | nothing |\n$1");
		Report report = Report.check(extra, properties);
		assertThat(report.problems()).hasSize(2);
		assertThat(report.describe()).contains("Remove these rows from README.md (no such property)")
			.contains("`zenoo.odoo.no-such-thing`")
			.contains("`zenoo.cache.caches.<name>.ttl`");
	}

	@Test
	void aWrongDefaultIsReported() {
		String wrong = replaceDefault(readme, "zenoo.cache.change-detection.interval", "`45s`");
		wrong = replaceDefault(wrong, "zenoo.cache.caches.<name>.default-ttl", "`10m`");
		wrong = replaceDefault(wrong, "zenoo.odoo.read-timeout", "`abc`");
		Report report = Report.check(wrong, properties);
		assertThat(report.problems()).hasSize(3);
		assertThat(report.describe()).contains("Fix these defaults in README.md")
			.contains("`zenoo.cache.change-detection.interval`: the README says `45s`, the default is `30s`")
			.contains("`zenoo.cache.caches.<name>.default-ttl`: the README says `10m`, the default is `5m`")
			.contains("`zenoo.odoo.read-timeout`: the README says `abc`");
	}

	@Test
	void aDefaultInAnotherUnitIsTheSameDefault() {
		String same = replaceDefault(readme, "zenoo.cache.caches.<name>.default-ttl", "`300s`");
		same = replaceDefault(same, "zenoo.odoo.max-response-size", "`65536KB`");
		assertThat(Report.check(same, properties).problems()).isEmpty();
	}

	@Test
	void aMissingOrInventedDefaultIsReported() {
		String wrong = replaceDefault(readme, "zenoo.cache.warm-up-parallelism", "");
		wrong = replaceDefault(wrong, "zenoo.cache.caches.<name>.l1", "`fast`");
		Report report = Report.check(wrong, properties);
		assertThat(report.problems()).hasSize(2);
		assertThat(report.describe())
			.contains("`zenoo.cache.warm-up-parallelism`: the README gives no default, the default is `4`")
			.contains("`zenoo.cache.caches.<name>.l1`: the README says `fast`, there is no default");
	}

	@Test
	void aRowListedTwiceIsReported() {
		String twice = readme.replaceFirst("(?m)^(\\| `zenoo\\.odoo\\.url`[^\\n]*\\n)", "$1$1");
		Report report = Report.check(twice, properties);
		assertThat(report.describe()).contains("listed more than once").contains("`zenoo.odoo.url`");
	}

	private static String withoutRow(String text, String property) {
		String result = text.replaceAll("(?m)^\\| `" + Pattern.quote(property) + "`[^\\n]*\\n", "");
		assertThat(result).as("README has a row for " + property).isNotEqualTo(text);
		return result;
	}

	private static String replaceDefault(String text, String property, String cell) {
		String result = text.replaceAll("(?m)^(\\| `" + Pattern.quote(property) + "` \\|)[^|\\n]*\\|",
				"$1 " + Matcher.quoteReplacement(cell) + " |");
		assertThat(result).as("README has a row for " + property).isNotEqualTo(text);
		return result;
	}

	// ---- the properties the code binds

	/**
	 * Every {@code zenoo.*} property of the metadata on the classpath, with the settings of map values and list
	 * elements expanded.
	 */
	static Map<String, Property> boundProperties() throws IOException {
		Map<String, Property> result = new TreeMap<>();
		for (JsonNode node : metadata().values()) {
			String name = node.path("name").asString();
			String type = node.path("type").asString("");
			Matcher map = MAP_TYPE.matcher(type);
			Matcher list = LIST_TYPE.matcher(type);
			if (map.matches()) {
				expand(name + MAP_KEY, load(map.group(1)), result);
			}
			else if (list.matches()) {
				expand(name + LIST_INDEX, load(list.group(1)), result);
			}
			else {
				Object defaultValue = node.has("defaultValue") ? scalar(node.get("defaultValue"))
						: instanceDefault(node.path("sourceType").asString(""), name);
				result.put(name, new Property(name, simpleType(type), normalize(defaultValue),
						node.path("description").asString("")));
			}
		}
		return result;
	}

	/** The {@code zenoo.*} entries of the metadata on the classpath, by name, additional metadata merged in. */
	static Map<String, JsonNode> metadata() throws IOException {
		Map<String, JsonNode> metadata = new TreeMap<>();
		readMetadata("META-INF/spring-configuration-metadata.json", metadata);
		readMetadata("META-INF/additional-spring-configuration-metadata.json", metadata);
		assertThat(metadata).as("zenoo.* properties in the configuration metadata").isNotEmpty();
		return metadata;
	}

	private static void readMetadata(String resource, Map<String, JsonNode> into) throws IOException {
		Enumeration<URL> urls = ConfigurationReferenceTests.class.getClassLoader().getResources(resource);
		while (urls.hasMoreElements()) {
			try (InputStream in = urls.nextElement().openStream()) {
				for (JsonNode property : JsonMapper.shared().readTree(in).path("properties")) {
					String name = property.path("name").asString("");
					if (name.startsWith("zenoo.")) {
						// additional metadata completes or overrides what the processor generated, as Boot merges it
						ObjectNode merged = (into.get(name) instanceof ObjectNode known) ? known.deepCopy()
								: JsonMapper.shared().createObjectNode();
						merged.setAll((ObjectNode) property);
						into.put(name, merged);
					}
				}
			}
		}
	}

	/**
	 * Adds the settings of {@code type} (a map value or list element type) under {@code prefix}; nested beans,
	 * maps and lists of Zenoo types are expanded in turn.
	 */
	private static void expand(String prefix, Class<?> type, Map<String, Property> into) {
		Object instance = BeanUtils.instantiateClass(type);
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
			if (descriptor.getReadMethod() == null || descriptor.getName().equals("class")) {
				continue;
			}
			String name = prefix + "." + DataObjectPropertyName.toDashedForm(descriptor.getName());
			ResolvableType propertyType = ResolvableType.forMethodReturnType(descriptor.getReadMethod());
			Class<?> raw = propertyType.resolve(Object.class);
			if (Map.class.isAssignableFrom(raw) && isZenooBean(propertyType.getGeneric(1).resolve())) {
				expand(name + MAP_KEY, propertyType.getGeneric(1).resolve(), into);
			}
			else if (Collection.class.isAssignableFrom(raw) && isZenooBean(propertyType.getGeneric(0).resolve())) {
				expand(name + LIST_INDEX, propertyType.getGeneric(0).resolve(), into);
			}
			else if (isZenooBean(raw)) {
				expand(name, raw, into);
			}
			else if (descriptor.getWriteMethod() != null) {
				Object value = invoke(descriptor, instance);
				into.put(name, new Property(name, raw, normalize(value),
						"(see " + type.getName().replace('$', '.') + "#" + descriptor.getName() + ")"));
			}
		}
	}

	private static boolean isZenooBean(@Nullable Class<?> type) {
		return type != null && type.getName().startsWith("io.zenoo.") && !type.isEnum() && !type.isRecord()
				&& !type.isInterface();
	}

	private static @Nullable Object instanceDefault(String sourceType, String name) {
		if (sourceType.isEmpty()) {
			return null;
		}
		Class<?> type = load(sourceType);
		String last = name.substring(name.lastIndexOf('.') + 1);
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
			if (descriptor.getReadMethod() != null
					&& DataObjectPropertyName.toDashedForm(descriptor.getName()).equals(last)) {
				return invoke(descriptor, BeanUtils.instantiateClass(type));
			}
		}
		throw new IllegalStateException("No property " + last + " in " + sourceType + " for " + name);
	}

	private static @Nullable Object invoke(PropertyDescriptor descriptor, Object instance) {
		try {
			return descriptor.getReadMethod().invoke(instance);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot read " + descriptor.getName(), ex);
		}
	}

	/** An empty collection or map is no default worth documenting. */
	private static @Nullable Object normalize(@Nullable Object value) {
		if (value instanceof Collection<?> collection && collection.isEmpty()) {
			return null;
		}
		if (value instanceof Map<?, ?> map && map.isEmpty()) {
			return null;
		}
		return value;
	}

	private static @Nullable Object scalar(JsonNode node) {
		if (node.isNull() || (node.isArray() && node.isEmpty())) {
			return null;
		}
		return node.isValueNode() ? node.asString() : node.toString();
	}

	private static @Nullable Class<?> simpleType(String type) {
		if (type.isEmpty() || type.contains("<")) {
			return null;
		}
		return load(type);
	}

	private static Class<?> load(String name) {
		try {
			return ClassUtils.forName(name, ConfigurationReferenceTests.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("Metadata names a missing class " + name, ex);
		}
	}

	/**
	 * A property the code binds.
	 *
	 * @param name the full name, with {@code <name>} for map keys and {@code [i]} for list indexes
	 * @param type its type, or {@code null} when generic
	 * @param defaultValue its default (a string from the metadata, or a value from a new instance), or {@code null}
	 * @param description its description, for the row to add
	 */
	record Property(String name, @Nullable Class<?> type, @Nullable Object defaultValue, String description) {

		/** The default as the README should write it. */
		@Nullable String documentedDefault() {
			if (this.defaultValue instanceof Duration duration) {
				return duration(duration);
			}
			if (this.defaultValue instanceof DataSize size) {
				return dataSize(size);
			}
			if (this.defaultValue instanceof Enum<?> value) {
				return value.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
			}
			return (this.defaultValue != null) ? String.valueOf(this.defaultValue) : null;
		}

		/** Whether the README's literal means this property's default. */
		boolean isDefault(String literal) {
			if (this.defaultValue == null) {
				return false;
			}
			if (this.type != null && CONVERSION.canConvert(String.class, this.type)) {
				try {
					Object documented = CONVERSION.convert(literal, this.type);
					Object actual = (this.defaultValue instanceof String text) ? CONVERSION.convert(text, this.type)
							: this.defaultValue;
					return documented != null && documented.equals(actual);
				}
				catch (RuntimeException ex) {
					return false;
				}
			}
			return literal.equals(String.valueOf(this.defaultValue));
		}

		private static String duration(Duration duration) {
			long millis = duration.toMillis();
			if (millis == 0) {
				return "0";
			}
			long[] units = { 86_400_000, 3_600_000, 60_000, 1000, 1 };
			String[] suffixes = { "d", "h", "m", "s", "ms" };
			for (int i = 0; i < units.length; i++) {
				if (millis % units[i] == 0) {
					return (millis / units[i]) + suffixes[i];
				}
			}
			return duration.toString();
		}

		private static String dataSize(DataSize size) {
			long bytes = size.toBytes();
			long[] units = { 1L << 30, 1L << 20, 1L << 10 };
			String[] suffixes = { "GB", "MB", "KB" };
			for (int i = 0; i < units.length; i++) {
				if (bytes != 0 && bytes % units[i] == 0) {
					return (bytes / units[i]) + suffixes[i];
				}
			}
			return bytes + "B";
		}

	}

	// ---- the README against them

	/**
	 * What is wrong with the README's rows: rows to add, rows to remove, defaults to fix, rows listed twice.
	 */
	record Report(List<String> add, List<String> remove, List<String> fix, List<String> duplicates) {

		static Report check(String readme, Map<String, Property> properties) {
			Map<String, String> rows = new LinkedHashMap<>();
			Set<String> duplicates = new TreeSet<>();
			Matcher row = ROW.matcher(readme);
			while (row.find()) {
				if (rows.put(row.group(1), row.group(2).trim()) != null) {
					duplicates.add("`" + row.group(1) + "`");
				}
			}
			List<String> add = new ArrayList<>();
			List<String> fix = new ArrayList<>();
			for (Property property : properties.values()) {
				String cell = rows.get(property.name());
				if (cell == null) {
					String documented = property.documentedDefault();
					add.add("| `" + property.name() + "` | " + ((documented != null) ? "`" + documented + "`" : "")
							+ " | " + property.description() + " |");
					continue;
				}
				Matcher literal = LITERAL.matcher(cell);
				String problem = null;
				if (literal.find()) {
					if (property.defaultValue() == null) {
						problem = "the README says `" + literal.group(1) + "`, there is no default";
					}
					else if (!property.isDefault(literal.group(1))) {
						problem = "the README says `" + literal.group(1) + "`, the default is `"
								+ property.documentedDefault() + "`";
					}
				}
				else if (property.defaultValue() != null) {
					problem = "the README gives no default, the default is `" + property.documentedDefault() + "`";
				}
				if (problem != null) {
					fix.add("`" + property.name() + "`: " + problem);
				}
			}
			List<String> remove = new ArrayList<>();
			for (String name : rows.keySet()) {
				if (!properties.containsKey(name) && !isContainer(name, properties)) {
					remove.add("| `" + name + "` |");
				}
			}
			return new Report(add, remove, fix, new ArrayList<>(duplicates));
		}

		/** A row for a map or list whose settings are expanded ({@code zenoo.cache.caches}) may stay. */
		private static boolean isContainer(String name, Map<String, Property> properties) {
			return properties.keySet()
				.stream()
				.anyMatch((known) -> known.startsWith(name + MAP_KEY + ".") || known.startsWith(name + LIST_INDEX + "."));
		}

		List<String> problems() {
			List<String> all = new ArrayList<>();
			all.addAll(this.add);
			all.addAll(this.remove);
			all.addAll(this.fix);
			all.addAll(this.duplicates);
			return all;
		}

		String describe() {
			StringBuilder message = new StringBuilder("The README's configuration reference does not match the code.");
			section(message, "Add these rows to README.md (a property without a row; describe it in the last cell):",
					this.add);
			section(message, "Remove these rows from README.md (no such property):", this.remove);
			section(message, "Fix these defaults in README.md (default column):", this.fix);
			section(message, "These rows are listed more than once in README.md:", this.duplicates);
			return message.toString();
		}

		private static void section(StringBuilder message, String title, List<String> lines) {
			if (!lines.isEmpty()) {
				message.append("\n").append(title);
				lines.forEach((line) -> message.append("\n  ").append(line));
			}
		}

	}

}
