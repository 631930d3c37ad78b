package io.zenoo.repository.query;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.zenoo.client.mapping.RecordMapper;
import io.zenoo.client.model.Many2One;
import org.jspecify.annotations.Nullable;

import org.springframework.data.core.PropertyPath;
import org.springframework.data.core.PropertyReferenceException;
import org.springframework.data.repository.query.parser.PartTree;

/**
 * Turns the property paths of a record type into Odoo field paths.
 * <p>
 * The first segment must be a record component and becomes the component's field ({@code countryId} to
 * {@code country_id}, or its {@code @OdooField} name). Segments after a relation (a {@code Many2One} or an id list)
 * are fields of the related model, which the record does not describe: they are turned into snake_case
 * ({@code countryIdCode} to {@code country_id.code}) and checked by Odoo. Where camel case is ambiguous, the longest
 * name wins, as in Spring Data ({@code CountryIdPhoneCode} is {@code country_id.phone_code}); an underscore splits
 * explicitly ({@code ParentId_CountryId_Code} is {@code parent_id.country_id.code}).
 *
 * @param <T> the record type
 */
public final class RecordPaths<T> {

	private static final int MAX_RELATION_NAMES = 256;

	private final Class<T> type;

	private final RecordMapper<T> mapper;

	private final List<String> plainComponents = new ArrayList<>();

	private final Set<String> relationComponents = new TreeSet<>();

	private final Map<String, Boolean> idLists = new LinkedHashMap<>();

	private RecordPaths(Class<T> type) {
		this.type = type;
		this.mapper = RecordMapper.of(type);
		for (RecordComponent component : type.getRecordComponents()) {
			Type generic = component.getGenericType();
			if (component.getType() == Many2One.class) {
				this.relationComponents.add(component.getName());
				this.idLists.put(component.getName(), false);
			}
			else if (isIdList(generic)) {
				this.relationComponents.add(component.getName());
				this.idLists.put(component.getName(), true);
			}
			else {
				this.plainComponents.add(component.getName());
			}
		}
	}

	/**
	 * The paths of a record type.
	 * @param <T> the record type
	 * @param type a record annotated with {@code @OdooModel}
	 * @return its paths
	 */
	public static <T> RecordPaths<T> of(Class<T> type) {
		return new RecordPaths<>(type);
	}

	/** @return the record type */
	public Class<T> type() {
		return this.type;
	}

	/**
	 * Parses a query method name against the record, going through relations as the class description says.
	 * @param methodName the method name
	 * @return the parsed tree
	 * @throws PropertyReferenceException if a name is not a component of the record (or follows a plain component)
	 */
	PartTree parse(String methodName) {
		try {
			return new PartTree(methodName, this.type);
		}
		catch (PropertyReferenceException ex) {
			if (!throughRelation(ex)) {
				throw ex;
			}
		}
		Map<String, RelationShapes.Node> relations = new LinkedHashMap<>();
		this.relationComponents.forEach((name) -> relations.put(name, new RelationShapes.Node()));
		for (int attempt = 0; attempt < MAX_RELATION_NAMES; attempt++) {
			Map<Class<?>, RelationShapes.Node> byClass = new HashMap<>();
			Class<?> shape = RelationShapes.root(this.plainComponents, relations, byClass);
			try {
				return new PartTree(methodName, shape);
			}
			catch (PropertyReferenceException ex) {
				RelationShapes.Node node = byClass.get(ex.getType().getType());
				if (node == null) {
					throw ex;
				}
				node.child(ex.getPropertyName());
			}
		}
		throw new IllegalStateException("More than " + MAX_RELATION_NAMES + " names after relations in " + methodName);
	}

	private boolean throughRelation(PropertyReferenceException ex) {
		PropertyPath base = ex.getBaseProperty();
		return base != null && this.relationComponents.contains(base.getSegment());
	}

	/**
	 * The Odoo field path of a parsed property path.
	 * @param path the path, its first segment a record component
	 * @return the dotted field path, for example {@code country_id.code}
	 */
	String fieldPath(PropertyPath path) {
		StringBuilder result = new StringBuilder(requireField(path.getSegment()));
		for (PropertyPath next = path.next(); next != null; next = next.next()) {
			result.append('.').append(RecordMapper.defaultFieldName(next.getSegment()));
		}
		return result.toString();
	}

	/**
	 * Whether the first segment of a path is a list of related ids (one2many or many2many) and the path ends there.
	 */
	boolean isIdList(PropertyPath path) {
		return !path.hasNext() && Boolean.TRUE.equals(this.idLists.get(path.getSegment()));
	}

	/**
	 * The Odoo field path of a property path given at run time ({@code Sort.by("countryId.code")}): the first segment
	 * is a component or a field the record maps, the others are snake_cased.
	 * @param property the dotted property path
	 * @return the field path
	 * @throws IllegalArgumentException if the first segment is neither a component nor a mapped field
	 */
	public String fieldPath(String property) {
		if (property == null || property.isBlank()) {
			throw new IllegalArgumentException("A sort property must not be null or blank");
		}
		String[] segments = property.split("\\.", -1);
		String first = this.mapper.fieldOf(segments[0]);
		if (first == null) {
			if (!this.mapper.fieldNames().contains(segments[0])) {
				throw new IllegalArgumentException("'" + segments[0] + "' is not a component of "
						+ this.type.getSimpleName() + " nor a field it maps; known components: " + components());
			}
			first = segments[0];
		}
		StringBuilder result = new StringBuilder(first);
		for (int i = 1; i < segments.length; i++) {
			if (segments[i].isBlank()) {
				throw new IllegalArgumentException("The property path '" + property + "' has an empty segment");
			}
			result.append('.').append(RecordMapper.defaultFieldName(segments[i]));
		}
		return result.toString();
	}

	private String requireField(String component) {
		String field = this.mapper.fieldOf(component);
		if (field == null) {
			throw new IllegalArgumentException("'" + component + "' is not a component of " + this.type.getName());
		}
		return field;
	}

	private Collection<String> components() {
		List<String> names = new ArrayList<>(this.plainComponents);
		names.addAll(this.relationComponents);
		return names;
	}

	private static boolean isIdList(Type type) {
		if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw
				&& Collection.class.isAssignableFrom(raw)) {
			Type element = parameterized.getActualTypeArguments()[0];
			return element == Long.class || element == Integer.class;
		}
		return false;
	}

	@Override
	public String toString() {
		return "RecordPaths[" + this.type.getName() + "]";
	}

	static @Nullable String nullIfBlank(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

}
