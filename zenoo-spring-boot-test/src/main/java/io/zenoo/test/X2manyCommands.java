package io.zenoo.test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies Odoo's x2many write commands: {@code [0,0,vals]} create, {@code [1,id,vals]} update, {@code [2,id]} delete,
 * {@code [3,id]} unlink, {@code [4,id]} link, {@code [5]} clear, {@code [6,0,ids]} replace. A plain list of ids is
 * accepted as a replacement too.
 */
final class X2manyCommands {

	private X2manyCommands() {
	}

	static List<Long> applyMany2many(Store store, FieldDef field, List<Long> current, Object value, long uid) {
		Set<Long> ids = new LinkedHashSet<>(current);
		ModelDef comodel = store.model(field.relation());
		if (Values.isFalse(value)) {
			return new ArrayList<>();
		}
		for (Object item : DomainEvaluator.asList(value)) {
			if (item instanceof Number number) {
				ids.add(number.longValue());
				continue;
			}
			List<?> command = asCommand(item);
			int code = ((Number) command.get(0)).intValue();
			Long id = (command.size() > 1) ? Values.asId(command.get(1)) : null;
			switch (code) {
				case 0 -> {
					if (comodel != null) {
						ids.add(new RecordWriter(store, uid, false).create(comodel, values(command)));
					}
				}
				case 1 -> {
					if (comodel != null && id != null) {
						new RecordWriter(store, uid, false).write(comodel, List.of(id), values(command));
					}
				}
				case 2 -> {
					ids.remove(id);
					if (comodel != null && id != null && comodel.record(id) != null) {
						new RecordWriter(store, uid, false).unlink(comodel, List.of(id));
					}
				}
				case 3 -> ids.remove(id);
				case 4 -> ids.add(id);
				case 5 -> ids.clear();
				case 6 -> {
					ids.clear();
					for (Object replacement : DomainEvaluator.asList(command.get(2))) {
						ids.add(((Number) replacement).longValue());
					}
				}
				default -> throw OdooError.valueError("Invalid command " + Py.repr(command));
			}
		}
		return new ArrayList<>(ids);
	}

	static void applyOne2many(Store store, FieldDef field, long ownerId, Object value, RecordWriter writer) {
		ModelDef comodel = store.model(field.relation());
		String inverse = field.inverse();
		if (comodel == null || inverse == null || Values.isFalse(value)) {
			return;
		}
		for (Object item : DomainEvaluator.asList(value)) {
			List<?> command = asCommand(item);
			int code = ((Number) command.get(0)).intValue();
			Long id = (command.size() > 1) ? Values.asId(command.get(1)) : null;
			switch (code) {
				case 0 -> {
					Map<String, Object> values = values(command);
					values.put(inverse, ownerId);
					writer.create(comodel, values);
				}
				case 1 -> writer.write(comodel, List.of(id), values(command));
				case 2 -> writer.unlink(comodel, List.of(id));
				case 3 -> writer.write(comodel, List.of(id), inverseValue(inverse, null));
				case 4 -> writer.write(comodel, List.of(id), inverseValue(inverse, ownerId));
				case 5, 6 -> {
					for (Map<String, Object> child : List.copyOf(comodel.records().values())) {
						if (Long.valueOf(ownerId).equals(child.get(inverse))) {
							child.put(inverse, null);
						}
					}
					if (code == 6) {
						for (Object linked : DomainEvaluator.asList(command.get(2))) {
							writer.write(comodel, List.of(((Number) linked).longValue()), inverseValue(inverse, ownerId));
						}
					}
				}
				default -> throw OdooError.valueError("Invalid command " + Py.repr(command));
			}
		}
	}

	private static Map<String, Object> inverseValue(String inverse, Long id) {
		Map<String, Object> values = new java.util.LinkedHashMap<>();
		values.put(inverse, id);
		return values;
	}

	private static List<?> asCommand(Object item) {
		if (!(item instanceof List<?> command) || command.isEmpty() || !(command.get(0) instanceof Number)) {
			throw OdooError.valueError("Invalid x2many command " + Py.repr(item));
		}
		return command;
	}

	private static Map<String, Object> values(List<?> command) {
		if (command.size() < 3 || !(command.get(2) instanceof Map<?, ?>)) {
			throw OdooError.valueError("Invalid x2many command " + Py.repr(command));
		}
		return DemoData.castMap(Values.copy(command.get(2)));
	}

}
