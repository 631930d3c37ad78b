package io.zenoo.repository.query;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.cglib.beans.BeanGenerator;

/**
 * Stand-in classes that let Spring Data's {@code PropertyPath} walk through Odoo relations. A record's many2one
 * ({@code Many2One countryId}) and x2many ({@code List<Long> categoryId}) components do not say which model they point
 * to, so a path such as {@code countryIdCode} cannot be checked against a Java type. Each relation gets a generated
 * bean class whose properties are exactly the names method names use after it; the record's other components keep
 * their place, so a name that is not a component still fails.
 * <p>
 * Classes are generated with the CGLIB copy inside Spring Framework, at startup only, and only for repositories
 * whose method names go through a relation.
 */
final class RelationShapes {

	/** The superclass of generated shapes, so that they can be told apart and are defined next to this class. */
	public abstract static class Shape {

	}

	/** A relation and the names used after it. */
	static final class Node {

		private final Map<String, Node> children = new LinkedHashMap<>();

		Node child(String name) {
			return this.children.computeIfAbsent(name, (key) -> new Node());
		}

		Class<?> generate(Map<Class<?>, Node> byClass) {
			BeanGenerator generator = generator();
			this.children.forEach((name, child) -> generator.addProperty(name, child.generate(byClass)));
			Class<?> generated = (Class<?>) generator.createClass();
			byClass.put(generated, this);
			return generated;
		}

	}

	private RelationShapes() {
	}

	/**
	 * A class with a property per record component: plain components typed {@code Object} (nothing may follow
	 * them), relations typed by their node's shape.
	 */
	static Class<?> root(Iterable<String> plainComponents, Map<String, Node> relations, Map<Class<?>, Node> byClass) {
		BeanGenerator generator = generator();
		for (String name : plainComponents) {
			generator.addProperty(name, Object.class);
		}
		relations.forEach((name, node) -> generator.addProperty(name, node.generate(byClass)));
		return (Class<?>) generator.createClass();
	}

	/**
	 * A generator of a class of its own: shapes with the same properties must still be different classes, since
	 * the class a name was missing from tells which relation it follows.
	 */
	private static BeanGenerator generator() {
		BeanGenerator generator = new BeanGenerator();
		generator.setSuperclass(Shape.class);
		generator.setClassLoader(Shape.class.getClassLoader());
		generator.setUseCache(false);
		return generator;
	}

}
