package org.youguan.web;

import java.util.List;

import org.youguan.kernel.Actors;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.BeanPropertyWriter;
import tools.jackson.databind.ser.ValueSerializerModifier;

/**
 * The API shows who did something as the pages do ({@link Actors#shown}): a who-did-it stamp — a text field named
 * {@code …By} ({@code createdBy}, {@code closedBy}, {@code decidedBy} …) or {@code actor} — holding {@value Actors#SYSTEM}
 * is answered {@value Actors#SHOWN} (attack 3: {@code GET /api/v1/safety/hazards/4} answered {@code "closedBy":"system"}
 * while the page showed 系统). Only on the server's JSON answers ({@link JsonText#strictBodies}): the application's
 * mapper, which also writes what is stored (event publications), keeps the stamp as stored.
 */
final class ApiActors {

	private ApiActors() {
	}

	/** The module that shows the stamps of every answer's objects. */
	static JacksonModule module() {
		SimpleModule module = new SimpleModule("youguan-api-actors");
		module.setSerializerModifier(new ValueSerializerModifier() {

			@Override
			public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription.Supplier bean,
					List<BeanPropertyWriter> properties) {
				for (BeanPropertyWriter property : properties) {
					if (property.getType().hasRawClass(String.class) && stamp(property.getName())) {
						property.assignSerializer(SHOWN);
					}
				}
				return properties;
			}
		});
		return module;
	}

	/** Whether a field of that name holds a who-did-it stamp. */
	static boolean stamp(String name) {
		return name.equals("actor") || name.length() > 2 && name.endsWith("By");
	}

	private static final ValueSerializer<Object> SHOWN = new ValueSerializer<>() {

		@Override
		public void serialize(Object value, JsonGenerator gen, SerializationContext context) {
			gen.writeString(Actors.shown((String) value));
		}
	};
}
