package org.youguan.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.youguan.kernel.Actors;

/**
 * A page's access to {@link Actors#shown}, in the reader's language: a template shows a stored who-did-it stamp as
 * {@code ${@actors.shown(plan.createdBy())}}, so a change made by a job or the demo data reads 系统 to a Chinese reader
 * and "System" to an English one (the UI bundle's {@value #SYSTEM_KEY}), never "system" nor 系统 in an English page.
 */
@Component("actors")
public final class ActorStamps {

	/** The UI bundle's key of the system's name as a page shows it. */
	static final String SYSTEM_KEY = "common.actor.system";

	private final MessageSource messages;

	ActorStamps(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * The stamp as shown to this request's reader: {@value Actors#SYSTEM} — and {@value Actors#SHOWN}, as a row worded
	 * for a Chinese page ahead of the template carries it — reads the bundle's {@value #SYSTEM_KEY}; any other value
	 * (a sign-in or display name) or null unchanged.
	 */
	public String shown(String stamp) {
		String shown = Actors.shown(stamp);
		return Actors.SHOWN.equals(shown) ? messages.getMessage(SYSTEM_KEY, null, Actors.SHOWN, LocaleContextHolder.getLocale())
				: shown;
	}
}
