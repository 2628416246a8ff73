package org.youguan.web;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.beans.propertyeditors.CustomBooleanEditor;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.youguan.kernel.Decimals;
import org.youguan.kernel.InvalidValueException;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;

/**
 * How request parameters and form fields become values, for every controller: an unticked checkbox (absent) binds
 * as {@code false}; a whole number must be written in ASCII (or full-width) digits; a number must be finite and of at most {@link Validation#MAX_INTEGER_DIGITS} integer digits ({@code 1e309},
 * {@code NaN} and {@code Infinity} are refused); a date must be YYYY-MM-DD within the one bound of a date
 * ({@link Validation#plausible}: 1949-10-01 … 2099-12-31). A refusal is a type mismatch, answered 400 naming the
 * parameter (and, for a date beyond the bound, stating it: {@link Validation#DATE_BOUND}).
 */
@ControllerAdvice
class InputBinding {

	@InitBinder
	void binders(WebDataBinder binder) {
		binder.registerCustomEditor(boolean.class, new AbsentIsFalse());
		binder.registerCustomEditor(double.class, new FiniteNumber(false, true));
		binder.registerCustomEditor(Double.class, new FiniteNumber(true, true));
		binder.registerCustomEditor(float.class, new FiniteNumber(false, false));
		binder.registerCustomEditor(Float.class, new FiniteNumber(true, false));
		binder.registerCustomEditor(int.class, new WholeNumber(false, true));
		binder.registerCustomEditor(Integer.class, new WholeNumber(true, true));
		binder.registerCustomEditor(long.class, new WholeNumber(false, false));
		binder.registerCustomEditor(Long.class, new WholeNumber(true, false));
		binder.registerCustomEditor(BigDecimal.class, new BoundedDecimal());
		binder.registerCustomEditor(LocalDate.class, new PlausibleDate());
	}

	/** A checkbox: "true"/"on"/"yes"/"1" tick it; absent (unticked) is false, never a binding error. */
	static final class AbsentIsFalse extends CustomBooleanEditor {

		AbsentIsFalse() {
			super(false);
		}

		@Override
		public void setValue(Object value) {
			super.setValue(value == null ? Boolean.FALSE : value);
		}

		@Override
		public void setAsText(String text) {
			super.setAsText(text == null || Text.isBlank(text) ? "false" : Text.strip(text));
		}
	}

	/** A number parameter: blank is null where the type allows it (a wrapper), else refused; the rest {@link #read}. */
	private abstract static class NumberEditor extends PropertyEditorSupport {

		private final boolean allowEmpty;

		NumberEditor(boolean allowEmpty) {
			this.allowEmpty = allowEmpty;
		}

		@Override
		public void setAsText(String text) {
			if (text == null || Text.isBlank(text)) {
				if (!allowEmpty) {
					throw new IllegalArgumentException("empty");
				}
				setValue(null);
				return;
			}
			setValue(read(text));
		}

		/** The value of a non-blank text; IllegalArgumentException (a type mismatch) when it is none. */
		abstract Object read(String text);
	}

	private static final class FiniteNumber extends NumberEditor {

		private final boolean wide;

		FiniteNumber(boolean allowEmpty, boolean wide) {
			super(allowEmpty);
			this.wide = wide;
		}

		@Override
		Object read(String text) {
			BigDecimal d = BoundedDecimal.parse(text);
			return wide ? (Object) d.doubleValue() : (Object) d.floatValue();
		}
	}

	/**
	 * A whole-number parameter ({@code page}, an id, a year) in ASCII digits (full-width ones read as such,
	 * {@link Decimals#whole}): digits of other scripts ({@code ?page=٣}), which Spring's own reading takes as 3, a
	 * fraction and a value beyond the type are refused as a type mismatch.
	 */
	private static final class WholeNumber extends NumberEditor {

		private final boolean narrow;

		WholeNumber(boolean allowEmpty, boolean narrow) {
			super(allowEmpty);
			this.narrow = narrow;
		}

		@Override
		Object read(String text) {
			Long n = whole(text);
			return narrow ? (Object) narrow(n, text) : (Object) n;
		}
	}

	/**
	 * A whole number as every whole-number parameter reads it ({@link Decimals#whole}: ASCII or full-width digits,
	 * spaces around ignored); the editors here and the conversions of {@link NumberConversions} share it.
	 * @param text a non-blank text
	 * @throws IllegalArgumentException (a type mismatch, 400 naming the parameter) for no whole number or one beyond a
	 *         {@code long}, digits of other scripts ({@code ٣}) included
	 */
	static Long whole(String text) {
		Long n = Decimals.whole(text);
		if (n == null) {
			throw new IllegalArgumentException("not a whole number: " + Decimals.echo(Text.strip(text)));
		}
		return n;
	}

	/**
	 * {@code n} as an {@code int}.
	 * @param text the text it was read from, for the refusal
	 * @throws IllegalArgumentException when it is beyond an {@code int}
	 */
	static Integer narrow(Long n, String text) {
		if (n != n.intValue()) {
			throw new IllegalArgumentException("not a whole number: " + Decimals.echo(Text.strip(text)));
		}
		return n.intValue();
	}

	static final class BoundedDecimal extends PropertyEditorSupport {

		@Override
		public void setAsText(String text) {
			setValue(text == null || Text.isBlank(text) ? null : parse(text));
		}

		/**
		 * A number of at most {@link Decimals#INTEGER_DIGITS} integer and {@link Decimals#FRACTION_DIGITS} fraction
		 * digits, checked before it is used ({@code 1e-40000000}, {@code 1e2147483647} refused at once); the decimal
		 * conversion of {@link NumberConversions} reads so too.
		 * @throws IllegalArgumentException (a type mismatch) when it is none
		 */
		static BigDecimal parse(String text) {
			try {
				return Decimals.parse("value", "", text, Decimals.INTEGER_DIGITS, Decimals.FRACTION_DIGITS);
			}
			catch (InvalidValueException ex) {
				throw new IllegalArgumentException(ex.getMessage());
			}
		}
	}

	private static final class PlausibleDate extends PropertyEditorSupport {

		@Override
		public void setAsText(String text) {
			if (text == null || Text.isBlank(text)) {
				setValue(null);
				return;
			}
			try {
				LocalDate d = Validation.parseDate(text);
				if (!Validation.plausible(d)) {
					throw new IllegalArgumentException("out of range: " + text);
				}
				setValue(d);
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException(ex.getMessage(), ex);
			}
		}
	}
}
