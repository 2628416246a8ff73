package org.youguan.kernel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Failures gathered from several checks into one answer — a service's own and the refusals of the services it calls (a
 * registry's {@code check}, an attachment's) — keeping the sentence key ({@link Wording}) each refusal carried for its
 * first failure, which a plain list of {@link FieldError}s drops: the exception {@link #refusal} builds carries the key of
 * the failure that leads the answer, so a page words it in the reader's language as it would the called service's
 * refusal reaching it unchanged (an English filing page showed the registry's {@code served} refusal in Chinese).
 * A list like any other ({@code errors.add}, {@code errors.addAll}); adding another {@code CollectedErrors} keeps its keys.
 */
public final class CollectedErrors extends ArrayList<FieldError> {

	private static final long serialVersionUID = 1L;

	/** The key of each failure that came with one (a refusal's first failure, a keyed {@link Validation} check). */
	private final Map<FieldError, Wording> wordings = new HashMap<>();

	/** No failure yet. */
	public CollectedErrors() {
	}

	/**
	 * The failures of checks run so far, with the keys of those that carry one.
	 * @param v the checks (their {@link Validation#errors})
	 */
	public static CollectedErrors of(Validation v) {
		CollectedErrors c = new CollectedErrors();
		for (FieldError e : v.errors()) {
			c.add(e);
			Wording w = v.wording(e);
			if (w != null) {
				c.wordings.put(e, w);
			}
		}
		return c;
	}

	/**
	 * Adds what a refusal names ({@link DomainException#formErrors}), each failure with its key where it carries one
	 * ({@link DomainException#wording(FieldError)}).
	 * @param refused a refusal caught from a check this answer gathers
	 */
	public void addRefusal(DomainException refused) {
		List<FieldError> named = refused.formErrors();
		super.addAll(named);
		for (FieldError e : named) {
			Wording w = refused.wording(e);
			if (w != null) {
				wordings.putIfAbsent(e, w);
			}
		}
	}

	/**
	 * As {@link #addRefusal} on any list: keeps the key where {@code errors} is a {@code CollectedErrors}, else adds the
	 * failures only.
	 */
	public static void addRefusal(List<FieldError> errors, DomainException refused) {
		if (errors instanceof CollectedErrors c) {
			c.addRefusal(refused);
		}
		else {
			errors.addAll(refused.formErrors());
		}
	}

	@Override
	public boolean addAll(Collection<? extends FieldError> more) {
		if (more instanceof CollectedErrors c) {
			c.wordings.forEach(wordings::putIfAbsent);
		}
		return super.addAll(more);
	}

	/**
	 * The key a failure was gathered with, or null.
	 * @param error a failure of this answer
	 */
	public Wording wording(FieldError error) {
		return wordings.get(error);
	}

	/**
	 * The one refusal (400) of failures chosen from gathered ones (one per field, the form's own first), each carrying
	 * the key it was gathered with in any of {@code sources}, so a page words every one in the reader's language.
	 * @param shown the failures to answer with, not empty
	 * @param sources the lists they were gathered in; those that are {@code CollectedErrors} lend their keys
	 */
	@SafeVarargs
	public static InvalidValueException refusal(List<FieldError> shown, List<FieldError>... sources) {
		Map<FieldError, Wording> keyed = new HashMap<>();
		for (List<FieldError> source : sources) {
			if (source instanceof CollectedErrors c) {
				for (FieldError e : shown) {
					Wording w = c.wording(e);
					if (w != null) {
						keyed.putIfAbsent(e, w);
					}
				}
			}
		}
		return new InvalidValueException(shown, keyed);
	}

	/** The refusal (400) of these failures, carrying the key of the first; this list must not be empty. */
	public InvalidValueException refusal() {
		return refusal(List.copyOf(this), this);
	}
}
