package org.youguan.web;

import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IPostProcessorDialect;
import org.thymeleaf.engine.AbstractTemplateHandler;
import org.thymeleaf.model.ICloseElementTag;
import org.thymeleaf.model.IOpenElementTag;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.model.IStandaloneElementTag;
import org.thymeleaf.model.IText;
import org.thymeleaf.postprocessor.IPostProcessor;
import org.thymeleaf.postprocessor.PostProcessor;
import org.thymeleaf.templatemode.TemplateMode;
import org.unbescape.html.HtmlEscape;
import org.youguan.kernel.Text;

/**
 * A refused form is shown again with what was typed (the templates read the posted parameters back,
 * {@link org.youguan.kernel.FormSteps}): here, once for every page, a field's value is cut to the field's own
 * {@code maxlength} — an {@code <input>}'s {@code value}, a {@code <textarea>}'s text — so a 3,000-character value
 * posted around the browser's limit is not written back whole. A date, month, time or number field without a
 * {@code maxlength} holds at most {@value #SHORT_FIELD} characters of it; hidden fields are left alone.
 */
@Component
class FieldEchoDialect extends AbstractDialect implements IPostProcessorDialect {

	/** What a date, month, time or number field without a maxlength echoes at most (its values are far shorter). */
	static final int SHORT_FIELD = 40;

	private static final Set<String> SHORT_TYPES = Set.of("date", "month", "week", "time", "datetime-local", "number");

	FieldEchoDialect() {
		super("youguan-field-echo");
	}

	@Override
	public int getDialectPostProcessorPrecedence() {
		return 1000;
	}

	@Override
	public Set<IPostProcessor> getPostProcessors() {
		return Set.of(new PostProcessor(TemplateMode.HTML, Cap.class, 1000));
	}

	/** The most characters the element's value may echo, or -1 when it is not capped. */
	static int limit(IProcessableElementTag tag) {
		String maxlength = tag.getAttributeValue("maxlength");
		if (maxlength != null && maxlength.strip().matches("[0-9]{1,6}")) {
			return Integer.parseInt(maxlength.strip());
		}
		String type = tag.getAttributeValue("type");
		return type != null && SHORT_TYPES.contains(type.strip().toLowerCase(Locale.ROOT)) ? SHORT_FIELD : -1;
	}

	/** An escaped value cut to {@code max} characters as the browser counts them, escaped again. */
	static String cut(String escaped, int max) {
		String value = HtmlEscape.unescapeHtml(escaped);
		return value.length() <= max ? escaped : HtmlEscape.escapeHtml4Xml(Text.start(value, max));
	}

	/** The handler that cuts the values, one per template processed (Thymeleaf makes it). */
	public static final class Cap extends AbstractTemplateHandler {

		/** The limit of the textarea whose text comes next, or -1. */
		private int textarea = -1;

		/** Made by Thymeleaf. */
		public Cap() {
		}

		@Override
		public void handleStandaloneElement(IStandaloneElementTag tag) {
			super.handleStandaloneElement(capInput(tag));
		}

		@Override
		public void handleOpenElement(IOpenElementTag tag) {
			if ("textarea".equalsIgnoreCase(tag.getElementCompleteName())) {
				textarea = limit(tag);
			}
			super.handleOpenElement(capInput(tag));
		}

		@Override
		public void handleCloseElement(ICloseElementTag tag) {
			if ("textarea".equalsIgnoreCase(tag.getElementCompleteName())) {
				textarea = -1;
			}
			super.handleCloseElement(tag);
		}

		@Override
		public void handleText(IText text) {
			if (textarea >= 0 && text.getText().length() > textarea) {
				String cut = cut(text.getText(), textarea);
				textarea = -1;
				super.handleText(getContext().getModelFactory().createText(cut));
				return;
			}
			super.handleText(text);
		}

		private <T extends IProcessableElementTag> T capInput(T tag) {
			if (!"input".equalsIgnoreCase(tag.getElementCompleteName()) || "hidden".equalsIgnoreCase(tag.getAttributeValue("type"))) {
				return tag;
			}
			String value = tag.getAttributeValue("value");
			int max = limit(tag);
			if (value == null || max < 0 || value.length() <= max) {
				return tag;
			}
			return getContext().getModelFactory().setAttribute(tag, "value", cut(value, max));
		}
	}
}
