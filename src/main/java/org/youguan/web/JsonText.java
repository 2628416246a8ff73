package org.youguan.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON bodies hold text as forms do: a string value or object key carrying a control character ({@code "\u0000"}, which
 * PostgreSQL refuses) fails reading, and the API answers 400 naming the field by its JSON path.
 */
@Configuration(proxyBeanMethods = false)
class JsonText {

	@Bean
	JacksonModule cleanTextModule() {
		SimpleModule module = new SimpleModule("youguan-clean-text");
		module.addDeserializer(String.class, new CleanString());
		module.addKeyDeserializer(String.class, new CleanKey());
		return module;
	}

	private static String clean(String s) {
		int at = Text.forbiddenAt(s);
		if (at >= 0) {
			throw new InvalidValueException("body", "control-character", "含有不允许的字符（" + Text.codePoint(s, at) + "），请删除后重试");
		}
		return s;
	}

	private static final class CleanString extends StringDeserializer {

		@Override
		public String deserialize(JsonParser p, DeserializationContext ctxt) {
			String s = super.deserialize(p, ctxt);
			return s == null ? null : clean(s);
		}
	}

	private static final class CleanKey extends KeyDeserializer {

		@Override
		public Object deserializeKey(String key, DeserializationContext ctxt) {
			return clean(key);
		}
	}
}
